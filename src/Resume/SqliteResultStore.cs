using System;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace TaskGraph.Resume;

/// <summary>
/// The default result store: one SQLite file in WAL mode, written by one connection at a time. Each result is
/// its own transaction, committed before the task counts as finished, so a process killed at any moment leaves
/// every finished result readable and no half-written one (a torn entry would also fail its checksum).
/// Delete the file, or call <see cref="Clear"/>, to forget every result.
/// </summary>
public sealed class SqliteResultStore : JsonResultStore, IDisposable
{
    private readonly object gate = new();
    private readonly SqliteConnection connection;
    private readonly SqliteCommand read;
    private readonly SqliteCommand write;
    private bool disposed;

    /// <summary>Opens (or creates) the store at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or is not a result store.</exception>
    public SqliteResultStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        try
        {
            // WAL with NORMAL sync: a commit survives the process's death (not the machine's power loss), and costs no fsync.
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                + "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, task TEXT NOT NULL, value BLOB NOT NULL, checksum BLOB NOT NULL, written TEXT NOT NULL) WITHOUT ROWID;");
            read = Command("SELECT value, checksum FROM results WHERE key = $key;", "$key");
            write = Command("INSERT OR REPLACE INTO results (key, task, value, checksum, written) VALUES ($key, $task, $value, $checksum, $written);", "$key", "$task", "$value", "$checksum", "$written");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The store's file, as a full path.</summary>
    public string Path { get; }

    /// <summary>How many results the store holds.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                ThrowIfDisposed();
                using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM results;";
                return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Forgets every stored result: the next compute runs every task.</summary>
    public void Clear()
    {
        lock (gate)
        {
            ThrowIfDisposed();
            Execute("DELETE FROM results;");
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            read.Dispose();
            write.Dispose();
            connection.Dispose();
        }
    }

    /// <inheritdoc/>
    protected override bool TryReadBytes(string key, out byte[] value, out byte[] checksum)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            read.Parameters[0].Value = key;
            using var reader = read.ExecuteReader();
            if (!reader.Read())
            {
                value = checksum = [];
                return false;
            }

            value = (byte[])reader.GetValue(0);
            checksum = (byte[])reader.GetValue(1);
            return true;
        }
    }

    /// <inheritdoc/>
    protected override void WriteBytes(string key, string task, byte[] value, byte[] checksum)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            write.Parameters[0].Value = key;
            write.Parameters[1].Value = task;
            write.Parameters[2].Value = value;
            write.Parameters[3].Value = checksum;
            write.Parameters[4].Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

            // Autocommit: the statement is its own transaction, durable once it returns.
            write.ExecuteNonQuery();
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (string parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);
}
