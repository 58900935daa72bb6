using System;
using System.IO;

namespace FlightsEtl;

/// <summary>
/// One run at a time per database: a lock file beside it (<c>flights.db.lock</c>), held open exclusively
/// for the run. The operating system drops the lock when the process ends, killed or not.
/// </summary>
public sealed class DatabaseClaim : IDisposable
{
    private readonly FileStream lockFile;

    private DatabaseClaim(FileStream lockFile) => this.lockFile = lockFile;

    /// <summary>The lock file of <paramref name="target"/>'s database.</summary>
    public static string LockPath(SqliteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Path.GetFullPath(target.DatabasePath) + ".lock";
    }

    /// <summary>Claims <paramref name="target"/>'s database for this run.</summary>
    /// <exception cref="JobRefusedException">Another run holds it, or its folder does not exist.</exception>
    public static DatabaseClaim Acquire(SqliteTarget target)
    {
        string path = LockPath(target);
        string database = Path.GetFullPath(target.DatabasePath);
        string folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            throw new JobRefusedException($"Cannot write the database {database}: the folder {folder} does not exist.");
        }

        try
        {
            return new DatabaseClaim(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException error) when (error is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new JobRefusedException($"Another run is using the database {database} (it holds {path}); wait for it to finish, or pass another --db.", error);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => lockFile.Dispose();
}
