using System;
using System.Globalization;
using System.Text;

namespace TaskGraph.Shared;

/// <summary>
/// One method's entry in a generated descriptor table, and the names of <c>[Delayed]</c>'s options: the one
/// place both are spelled. This file is compiled into the generator (which writes entries) and into the
/// runtime (whose <c>DelayedCall.Describe</c> reads them); neither assembly references the other.
/// </summary>
/// <remarks>
/// The entry is a piped string, <c>id|name|parameter,names|ResultKind</c> followed by the options that are set
/// (<c>|Pure</c>, <c>|Blocking</c>, <c>|Retries=3</c>...): one string literal per method compiles faster than an
/// object initializer per method (benchmarks/BuildCost: 0.88x the compiler's CPU time on a fresh compiler).
/// </remarks>
internal sealed class DescriptorEntry
{
    /// <summary><c>DelayedAttribute.Pure</c>; a flag in the entry.</summary>
    public const string PureOption = "Pure";

    /// <summary><c>DelayedAttribute.Checkpoint</c>; a flag in the entry.</summary>
    public const string CheckpointOption = "Checkpoint";

    /// <summary>The hash of the method's code that the generator writes (<c>Version=hex</c> in the entry): keys of stored results include it.</summary>
    public const string CodeVersionOption = "Version";

    /// <summary><c>DelayedAttribute.Blocking</c>; a flag in the entry.</summary>
    public const string BlockingOption = "Blocking";

    /// <summary><c>DelayedAttribute.Retries</c>; <c>Retries=n</c> in the entry.</summary>
    public const string RetriesOption = "Retries";

    /// <summary><c>DelayedAttribute.RetryDelayMilliseconds</c>; <c>RetryDelayMilliseconds=n</c> in the entry.</summary>
    public const string RetryDelayMillisecondsOption = "RetryDelayMilliseconds";

    /// <summary><c>DelayedAttribute.TimeoutMilliseconds</c>; <c>TimeoutMilliseconds=n</c> in the entry.</summary>
    public const string TimeoutMillisecondsOption = "TimeoutMilliseconds";

    /// <summary>What a well-formed entry looks like, for error messages.</summary>
    public const string Format = "id|name|parameter,names|ResultKind[|option...]";

    private const char FieldSeparator = '|';
    private const char ParameterSeparator = ',';
    private const char ValueSeparator = '=';

    public DescriptorEntry(string id, string name, string[] parameterNames, string resultKind)
    {
        Id = id;
        Name = name;
        ParameterNames = parameterNames;
        ResultKind = resultKind;
    }

    /// <summary>The method's documentation comment id.</summary>
    public string Id { get; }

    /// <summary>The method's name.</summary>
    public string Name { get; }

    /// <summary>The names of the parameters that take task arguments.</summary>
    public string[] ParameterNames { get; }

    /// <summary>The name of the <c>DelayedResultKind</c> member (the runtime checks that it is one).</summary>
    public string ResultKind { get; }

    public bool Pure { get; set; }

    public bool Blocking { get; set; }

    public bool Checkpoint { get; set; }

    /// <summary>A hash of the method's declaration (tokens without trivia), in hex; empty when not written.</summary>
    public string CodeVersion { get; set; } = string.Empty;

    public int Retries { get; set; }

    public int RetryDelayMilliseconds { get; set; }

    public int TimeoutMilliseconds { get; set; }

    /// <summary>The entry as the descriptor table holds it.</summary>
    public string Write()
    {
        var text = new StringBuilder()
            .Append(Id).Append(FieldSeparator)
            .Append(Name).Append(FieldSeparator)
            .Append(string.Join(ParameterSeparator.ToString(), ParameterNames)).Append(FieldSeparator)
            .Append(ResultKind);
        AppendFlag(text, PureOption, Pure);
        AppendFlag(text, BlockingOption, Blocking);
        AppendFlag(text, CheckpointOption, Checkpoint);
        AppendNumber(text, RetriesOption, Retries);
        AppendNumber(text, RetryDelayMillisecondsOption, RetryDelayMilliseconds);
        AppendNumber(text, TimeoutMillisecondsOption, TimeoutMilliseconds);
        if (CodeVersion.Length > 0)
        {
            text.Append(FieldSeparator).Append(CodeVersionOption).Append(ValueSeparator).Append(CodeVersion);
        }

        return text.ToString();
    }

    /// <summary>Reads an entry; <see langword="null"/>, with <paramref name="error"/> saying what is wrong, when it is malformed.</summary>
    public static DescriptorEntry? TryRead(string text, out string error)
    {
        string[] parts = text.Split(FieldSeparator);
        if (parts.Length < 4 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            error = $"Method entry '{text}' is not '{Format}'.";
            return null;
        }

        var entry = new DescriptorEntry(parts[0], parts[1], parts[2].Length == 0 ? [] : parts[2].Split(ParameterSeparator), parts[3]);
        for (int i = 4; i < parts.Length; i++)
        {
            if (!entry.TryReadOption(parts[i]))
            {
                error = $"Method entry '{text}' has an unknown or malformed option '{parts[i]}'.";
                return null;
            }
        }

        error = string.Empty;
        return entry;
    }

    private bool TryReadOption(string option)
    {
        switch (option)
        {
            case PureOption:
                Pure = true;
                return true;
            case BlockingOption:
                Blocking = true;
                return true;
            case CheckpointOption:
                Checkpoint = true;
                return true;
        }

        int equals = option.IndexOf(ValueSeparator);
        if (equals == CodeVersionOption.Length && option.StartsWith(CodeVersionOption, StringComparison.Ordinal))
        {
            CodeVersion = option.Substring(equals + 1);
            return CodeVersion.Length > 0;
        }

        if (equals < 0 || !int.TryParse(option.Substring(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return false;
        }

        switch (option.Substring(0, equals))
        {
            case RetriesOption:
                Retries = value;
                return true;
            case RetryDelayMillisecondsOption:
                RetryDelayMilliseconds = value;
                return true;
            case TimeoutMillisecondsOption:
                TimeoutMilliseconds = value;
                return true;
            default:
                return false;
        }
    }

    private static void AppendFlag(StringBuilder text, string option, bool set)
    {
        if (set)
        {
            text.Append(FieldSeparator).Append(option);
        }
    }

    /// <summary>A numeric option, written only when set.</summary>
    private static void AppendNumber(StringBuilder text, string option, int value)
    {
        if (value != 0)
        {
            text.Append(FieldSeparator).Append(option).Append(ValueSeparator).Append(value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
