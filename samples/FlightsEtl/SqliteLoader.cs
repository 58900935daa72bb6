using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace FlightsEtl;

/// <summary>
/// Loads results into SQLite so that a failed or killed run never leaves a half-written result: rows
/// go into a staging table in chunked transactions through one prepared statement, and the staging
/// table replaces the result table in a single transaction, after its row count is checked.
/// </summary>
public static class SqliteLoader
{
    /// <summary>Rows per transaction, as the seed's <c>to_sql(chunksize=10000)</c>.</summary>
    public const int DefaultChunkRows = 10_000;

    /// <summary>The name of the column the results are stored in (the seed's).</summary>
    public const string ResultColumn = "result";

    /// <summary>The staging table a load writes before the swap (dropped and rewritten by the next run if a run dies).</summary>
    public static string StagingTable(SqliteTarget target) => target.Table + "__loading";

    /// <summary>
    /// Writes <paramref name="batches"/> in order into a fresh staging table, <paramref name="chunkRows"/>
    /// rows per transaction, then swaps it in as the result table. Reports rows committed so far.
    /// </summary>
    /// <returns>The number of rows now in the result table.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; the previous result table is untouched.</exception>
    public static long LoadAndSwap(SqliteTarget target, IReadOnlyList<int[]> batches, IProgress<long>? rowsCommitted = null,
        int chunkRows = DefaultChunkRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        string staging = StagingTable(target);
        using var connection = Open(target);
        long written = InsertChunks(connection, staging, batches, rowsCommitted, chunkRows, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        Swap(connection, target, staging, written);
        return written;
    }

    /// <summary>
    /// The database's own cost of a load, with nothing around it: (re)creates <paramref name="target"/>'s table
    /// and writes the rows through the same prepared insert in the same chunked transactions as
    /// <see cref="LoadAndSwap"/>, with no staging table, swap or progress. The baselines time this.
    /// </summary>
    /// <returns>The number of rows written.</returns>
    public static long InsertOnly(SqliteTarget target, IReadOnlyList<int[]> batches, int chunkRows = DefaultChunkRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        using var connection = Open(target);
        return InsertChunks(connection, target.Table, batches, null, chunkRows, cancellationToken);
    }

    /// <summary>Creates <paramref name="table"/> afresh and inserts every value, <paramref name="chunkRows"/> per transaction, through one prepared statement.</summary>
    private static long InsertChunks(SqliteConnection connection, string table, IReadOnlyList<int[]> batches, IProgress<long>? rowsCommitted,
        int chunkRows, CancellationToken cancellationToken)
    {
        Execute(connection, $"DROP TABLE IF EXISTS \"{table}\"; CREATE TABLE \"{table}\" (\"{ResultColumn}\" INTEGER NOT NULL);");
        long written = 0;
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" (\"{ResultColumn}\") VALUES ($value)";
        var value = insert.CreateParameter();
        value.ParameterName = "$value";
        value.SqliteType = SqliteType.Integer;
        insert.Parameters.Add(value);
        insert.Prepare(); // compiled once; every row rebinds the one parameter

        SqliteTransaction? transaction = null;
        int inChunk = 0;
        try
        {
            foreach (var batch in batches)
            {
                foreach (int item in batch)
                {
                    if (transaction is null)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        transaction = connection.BeginTransaction();
                        insert.Transaction = transaction;
                    }

                    value.Value = item;
                    insert.ExecuteNonQuery();
                    written++;
                    if (++inChunk == chunkRows)
                    {
                        Commit(ref transaction, ref inChunk, rowsCommitted, written);
                    }
                }
            }

            if (transaction is not null)
            {
                Commit(ref transaction, ref inChunk, rowsCommitted, written);
            }
        }
        finally
        {
            transaction?.Dispose(); // rolls back a chunk left open by an exception
        }

        return written;
    }

    /// <summary>Counts the rows of the result table (the seed's <c>row_count</c>).</summary>
    public static long CountRows(SqliteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = Open(target);
        return CountRows(connection, target.Table);
    }

    /// <summary>Drops the result table if it exists (used for the baselines' scratch tables).</summary>
    public static void DropTable(SqliteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = Open(target);
        Execute(connection, $"DROP TABLE IF EXISTS \"{target.Table}\"; DROP TABLE IF EXISTS \"{StagingTable(target)}\";");
    }

    private static void Commit(ref SqliteTransaction? transaction, ref int inChunk, IProgress<long>? rowsCommitted, long committed)
    {
        transaction!.Commit();
        transaction.Dispose();
        transaction = null;
        inChunk = 0;
        rowsCommitted?.Report(committed);
    }

    private static void Swap(SqliteConnection connection, SqliteTarget target, string staging, long expected)
    {
        using var transaction = connection.BeginTransaction();
        long staged = CountRows(connection, staging, transaction);
        if (staged != expected)
        {
            throw new InvalidOperationException($"The staging table {staging} holds {staged} rows where {expected} were written; the result table {target.Table} is left as it was.");
        }

        using var swap = connection.CreateCommand();
        swap.Transaction = transaction;
        swap.CommandText = $"DROP TABLE IF EXISTS \"{target.Table}\"; ALTER TABLE \"{staging}\" RENAME TO \"{target.Table}\";";
        swap.ExecuteNonQuery();
        transaction.Commit();
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
        // WAL: readers are not blocked while the one writer loads; NORMAL sync is durable at each checkpoint
        // and keeps the database consistent on a crash, which is what the staging-and-swap relies on.
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
        return connection;
    }

    private static long CountRows(SqliteConnection connection, string table, SqliteTransaction? transaction = null)
    {
        using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
