using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace FlightsEtl;

/// <summary>The job's log file, like the seed's <c>etl.log</c>: <c>time - LEVEL - message</c>, appended, flushed per line.</summary>
public sealed class EtlLog : IDisposable
{
    private readonly StreamWriter? writer;
    private readonly Lock writeLock = new();

    /// <summary>Opens (appends to) the log at <paramref name="path"/>; <see langword="null"/> writes nowhere.</summary>
    public EtlLog(string? path)
    {
        if (path is not null)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false));
        }
    }

    /// <summary>Logs at INFO.</summary>
    public void Info(string message) => Write("INFO", message);

    /// <summary>Logs at WARNING.</summary>
    public void Warning(string message) => Write("WARNING", message);

    /// <summary>Logs at ERROR.</summary>
    public void Error(string message) => Write("ERROR", message);

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (writeLock)
        {
            writer?.Dispose();
        }
    }

    private void Write(string level, string message)
    {
        if (writer is null)
        {
            return;
        }

        string time = DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
        lock (writeLock)
        {
            writer.Write($"{time} - {level} - {message}\n");
            writer.Flush();
        }
    }
}
