using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FlightsEtl.Stages;

/// <summary>
/// The load's references: the same rows written by the least code that can write them, in one transaction
/// into a fresh table, with nothing around it (no progress, cancellation, count or replace).
/// </summary>
public static class BareInserts
{
    /// <summary>
    /// One prepared statement of <paramref name="rowsPerStatement"/> rows, bound and stepped through SQLitePCLRaw (the
    /// sample's technique, bare, at <see cref="SqliteLoader.RowsPerStatement"/>); the last rows that do not fill one go one at a time.
    /// </summary>
    public static long Raw(string database, string table, IReadOnlyList<long[]> batches, int rowsPerStatement)
    {
        using var connection = Open(database, table);
        using var transaction = connection.BeginTransaction();
        var handle = connection.Handle!;
        string sql = $"INSERT INTO \"{table}\" (result) VALUES (?)";
        raw.sqlite3_prepare_v2(handle, sql + string.Concat(Enumerable.Repeat(",(?)", rowsPerStatement - 1)), out sqlite3_stmt many);
        raw.sqlite3_prepare_v2(handle, sql, out sqlite3_stmt one);
        var pending = new long[rowsPerStatement];
        long written = 0;
        int held = 0;
        using (many)
        using (one)
        {
            foreach (var batch in batches)
            {
                foreach (long value in batch)
                {
                    pending[held++] = value;
                    if (held == rowsPerStatement)
                    {
                        Step(many, pending);
                        written += held;
                        held = 0;
                    }
                }
            }

            foreach (long value in pending[..held])
            {
                Step(one, [value]);
            }
        }

        transaction.Commit();
        return written + held;
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

    private static void Step(sqlite3_stmt statement, long[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            raw.sqlite3_bind_int64(statement, i + 1, values[i]);
        }

        raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
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
