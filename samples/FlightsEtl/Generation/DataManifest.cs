using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace FlightsEtl;

/// <summary>
/// What a generation produced, written after every file is complete: its presence, matching the
/// settings and the files on disk, is how a later run knows it can reuse the data.
/// </summary>
/// <param name="FormatVersion">Changes whenever the generator's output changes.</param>
/// <param name="Seed">The generator's seed.</param>
/// <param name="Rows">Rows in all files together.</param>
/// <param name="Files">Each file's name, row count and size.</param>
/// <param name="Complete">
/// Whether every file was written; a generation writes the manifest first with this off, naming the files
/// it is about to write, so that its files are known as generated ones even if it is killed.
/// </param>
public sealed record DataManifest(int FormatVersion, ulong Seed, long Rows, IReadOnlyList<DataManifest.FileEntry> Files, bool Complete = true)
{
    /// <summary>The manifest's file name inside the data directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The generator's current output format.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One generated file.</summary>
    /// <param name="Name">File name inside the data directory.</param>
    /// <param name="Rows">Data rows (the header not counted).</param>
    /// <param name="Bytes">Size on disk.</param>
    public sealed record FileEntry(string Name, long Rows, long Bytes);

    /// <summary>Whether this manifest describes complete output of <paramref name="settings"/> that is still on disk, unchanged in size.</summary>
    public bool Matches(GeneratorSettings settings)
    {
        if (!Complete || FormatVersion != CurrentFormatVersion || Seed != settings.Seed || Rows != settings.Rows || Files.Count != settings.Files)
        {
            return false;
        }

        foreach (var file in Files)
        {
            var info = new FileInfo(Path.Combine(settings.Directory, file.Name));
            if (!info.Exists || info.Length != file.Bytes)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the manifest of <paramref name="directory"/>; <see langword="null"/> when there is none or it is unreadable.</summary>
    public static DataManifest? TryRead(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DataManifest>(File.ReadAllText(path), Json);
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException)
        {
            return null; // a torn or foreign manifest means: generate again
        }
    }

    /// <summary>Writes the manifest atomically (a temporary file renamed over the old one).</summary>
    public void Write(string directory)
    {
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
