using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FlightsEtl;

/// <summary>
/// Loads results into SQLite as the seed's <c>to_sql(if_exists='replace')</c> does, in one transaction: the
/// old table is dropped, the new one created and filled, its row count checked, and only then committed.
/// A failed, cancelled or killed run therefore leaves the previous table exactly as it was, and nothing else.
/// </summary>
/// <remarks>
/// Rows go through one prepared statement of <see cref="RowsPerStatement"/> rows, bound and stepped with
/// SQLitePCLRaw (the library under Microsoft.Data.Sqlite): <c>SqliteCommand.ExecuteNonQuery</c> per row measured
/// 272 bytes allocated and about 1 µs of overhead per row, which was most of the load, and SQLite's own work per
/// statement most of the rest (benchmarks/FlightsEtl/README.md).
/// </remarks>
public static class SqliteLoader
{
    /// <summary>The name of the column the results are stored in (the seed's).</summary>
    public const string ResultColumn = "result";

    /// <summary>Rows between progress reports and cancellation checks (the seed's <c>chunksize</c>), to the next statement.</summary>
    public const int ReportRows = 10_000;

    /// <summary>Rows one execution of the insert writes: 64 took 0.13-0.15 s of CPU per million rows, one row 0.35-0.44 s.</summary>
    public const int RowsPerStatement = 64;

    /// <summary>
    /// Replaces the result table with <paramref name="batches"/>, in order, in one transaction; reports the rows
    /// inserted so far every <see cref="ReportRows"/>.
    /// </summary>
    /// <returns>The number of rows now in the result table.</returns>
    /// <exception cref="JobRefusedException">The batches hold no rows: an empty input never replaces a table.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the previous result table is untouched.</exception>
    public static long Replace(SqliteTarget target, IReadOnlyList<long[]> batches, IProgress<long>? rowsInserted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.All(batch => batch.Length == 0))
        {
            throw new JobRefusedException(
                $"The input holds no flight rows (are the CSV files empty but for their header?): table {target.Table} in {Path.GetFullPath(target.DatabasePath)} is left as it was.");
        }

        using var connection = Open(target);
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"DROP TABLE IF EXISTS \"{target.Table}\"; CREATE TABLE \"{target.Table}\" (\"{ResultColumn}\" BIGINT);", transaction);
        long written = Insert(connection, target.Table, batches, rowsInserted, cancellationToken);
        long counted = CountRows(connection, target.Table, transaction);
        if (counted != written)
        {
            throw new InvalidOperationException($"Table {target.Table} holds {counted} rows where {written} were written; the previous table is kept.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return written;
    }

    /// <summary>Counts the rows of the result table (the seed's <c>row_count</c>).</summary>
    public static long CountRows(SqliteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = Open(target);
        return CountRows(connection, target.Table);
    }

    /// <summary>Drops the result table if it exists (the baselines' scratch tables).</summary>
    public static void DropTable(SqliteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = Open(target);
        Execute(connection, $"DROP TABLE IF EXISTS \"{target.Table}\";");
    }

    /// <summary>
    /// Checks, before anything is read, that SQLite can open the database and take its write lock.
    /// </summary>
    /// <exception cref="JobRefusedException">SQLite cannot write the file; the message names the path.</exception>
    public static void CheckWritable(SqliteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string path = Path.GetFullPath(target.DatabasePath);
        try
        {
            using var connection = Open(target);
            using var transaction = connection.BeginTransaction(deferred: false);
            transaction.Rollback();
        }
        catch (SqliteException error)
        {
            throw new JobRefusedException($"Cannot write the database {path}: {error.Message}", error);
        }
    }

    /// <summary>
    /// Inserts every value, <see cref="RowsPerStatement"/> rows per execution of one prepared statement (the rest one
    /// at a time through a second); the caller holds the transaction.
    /// </summary>
    private static long Insert(SqliteConnection connection, string table, IReadOnlyList<long[]> batches, IProgress<long>? rowsInserted, CancellationToken cancellationToken)
    {
        var database = connection.Handle!;
        string insert = $"INSERT INTO \"{table}\" (\"{ResultColumn}\") VALUES (?)";
        using var many = Prepare(database, insert + string.Concat(Enumerable.Repeat(",(?)", RowsPerStatement - 1)));
        using var one = Prepare(database, insert);
        Span<long> pending = stackalloc long[RowsPerStatement];
        int held = 0;
        long written = 0;
        long nextReport = ReportRows;
        foreach (var batch in batches)
        {
            foreach (long value in batch)
            {
                pending[held++] = value;
                if (held < RowsPerStatement)
                {
                    continue;
                }

                Execute(database, many, pending);
                held = 0;
                written += RowsPerStatement;
                if (written >= nextReport)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rowsInserted?.Report(written);
                    nextReport += ReportRows;
                }
            }
        }

        foreach (long value in pending[..held])
        {
            Execute(database, one, [value]);
        }

        written += held;
        rowsInserted?.Report(written);
        return written;
    }

    private static sqlite3_stmt Prepare(sqlite3 database, string sql)
    {
        Check(database, raw.sqlite3_prepare_v2(database, sql, out sqlite3_stmt statement));
        return statement;
    }

    /// <summary>Binds <paramref name="values"/> to the statement's parameters in order, runs it and resets it.</summary>
    private static void Execute(sqlite3 database, sqlite3_stmt statement, ReadOnlySpan<long> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            raw.sqlite3_bind_int64(statement, i + 1, values[i]);
        }

        int stepped = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (stepped != raw.SQLITE_DONE)
        {
            Check(database, stepped);
        }
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }
    }

    private static SqliteConnection Open(SqliteTarget target)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // a finished job leaves no open handle on the file
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        // WAL: readers keep seeing the previous table while the one writer loads the next.
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
        return connection;
    }

    private static long CountRows(SqliteConnection connection, string table, SqliteTransaction? transaction = null)
    {
        using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
