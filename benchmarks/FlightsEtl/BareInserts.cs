using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FlightsEtl.Stages;

/// <summary>
/// The load's references: the same rows written by the least code that can write them, in one transaction
/// into a fresh table, with nothing around it (no progress, cancellation, count or replace).
/// </summary>
public static class BareInserts
{
    /// <summary>One prepared statement, bound and stepped per row through SQLitePCLRaw: the sample's technique, bare.</summary>
    public static long Raw(string database, string table, IReadOnlyList<long[]> batches)
    {
        using var connection = Open(database, table);
        using var transaction = connection.BeginTransaction();
        var handle = connection.Handle!;
        raw.sqlite3_prepare_v2(handle, $"INSERT INTO \"{table}\" (result) VALUES (?)", out sqlite3_stmt insert);
        long written = 0;
        using (insert)
        {
            foreach (var batch in batches)
            {
                foreach (long value in batch)
                {
                    raw.sqlite3_bind_int64(insert, 1, value);
                    raw.sqlite3_step(insert);
                    raw.sqlite3_reset(insert);
                    written++;
                }
            }
        }

        transaction.Commit();
        return written;
    }

    /// <summary>One prepared <c>SqliteCommand</c> executed per row: the sample's technique before this change.</summary>
    public static long PerRowCommand(string database, string table, IReadOnlyList<long[]> batches)
    {
        using var connection = Open(database, table);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table}\" (result) VALUES ($value)";
        var parameter = insert.Parameters.Add("$value", SqliteType.Integer);
        insert.Prepare();
        long written = 0;
        foreach (var batch in batches)
        {
            foreach (long value in batch)
            {
                parameter.Value = value;
                insert.ExecuteNonQuery();
                written++;
            }
        }

        transaction.Commit();
        return written;
    }

    private static SqliteConnection Open(string database, string table)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var setup = connection.CreateCommand();
        setup.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; DROP TABLE IF EXISTS \"{table}\"; CREATE TABLE \"{table}\" (result BIGINT);";
        setup.ExecuteNonQuery();
        return connection;
    }
}
