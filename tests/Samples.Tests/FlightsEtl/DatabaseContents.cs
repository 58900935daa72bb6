using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Samples.Tests.FlightsEtl;

/// <summary>What a test database holds, read through a connection of its own.</summary>
internal static class DatabaseContents
{
    /// <summary>The names of the tables in <paramref name="database"/>.</summary>
    public static List<string> Tables(string database) => Strings(database, "SELECT name FROM sqlite_master WHERE type = 'table'");

    /// <summary>The result column of <paramref name="table"/>, in row order.</summary>
    public static List<long> Results(string database, string table)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT result FROM \"{table}\" ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="database"/> (a test's set-up).</summary>
    public static void Execute(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The declared type of <paramref name="table"/>'s first column.</summary>
    public static string FirstColumnType(string database, string table) => Strings(database, $"SELECT type FROM pragma_table_info('{table}')")[0];

    private static List<string> Strings(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }
}
