using System;
using System.Buffers;

namespace FlightsEtl;

/// <summary>Where results are loaded: a SQLite database file and a table whose name is a plain identifier.</summary>
public sealed record SqliteTarget
{
    private static readonly SearchValues<char> IdentifierChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>The longest table name accepted (room is left for the staging suffix).</summary>
    public const int MaxTableNameLength = 64;

    /// <summary>Creates a target, refusing a table name that is not a plain identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="table"/> is not a plain identifier.</exception>
    public SqliteTarget(string databasePath, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        if (!IsPlainIdentifier(table))
        {
            throw new ArgumentException(NotPlainIdentifier(table), nameof(table));
        }

        DatabasePath = databasePath;
        Table = table;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The result table.</summary>
    public string Table { get; }

    /// <summary>What is wrong with a table name that <see cref="IsPlainIdentifier"/> refuses.</summary>
    public static string NotPlainIdentifier(string? name)
        => $"Table name '{name}' is not a plain identifier: use 1-{MaxTableNameLength} letters, digits and underscores, not starting with a digit or 'sqlite_'.";

    /// <summary>Whether <paramref name="name"/> can name a table without quoting tricks: ASCII letters, digits and underscores.</summary>
    public static bool IsPlainIdentifier(string? name)
        => !string.IsNullOrEmpty(name)
           && name.Length <= MaxTableNameLength
           && !char.IsAsciiDigit(name[0])
           && !name.AsSpan().ContainsAnyExcept(IdentifierChars)
           && !name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase);
}
