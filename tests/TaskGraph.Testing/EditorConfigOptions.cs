using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TaskGraph.Testing;

/// <summary>
/// <c>.editorconfig</c> settings that apply to every file of a test compilation (keys compared as the
/// compiler compares them: case-insensitively).
/// </summary>
public sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options options;

    /// <summary>Settings such as <c>("taskgraph.TG1002.max_tasks", "8")</c>.</summary>
    public EditorConfigOptions(params (string Key, string Value)[] settings)
        => options = new Options(settings.ToDictionary(s => s.Key, s => s.Value, AnalyzerConfigOptions.KeyComparer));

    /// <summary>No settings at all.</summary>
    public static EditorConfigOptions Empty { get; } = new();

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions => options;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public Options(Dictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
