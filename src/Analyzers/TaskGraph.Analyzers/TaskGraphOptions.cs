namespace TaskGraph.Analyzers;

/// <summary>Reads a rule's numeric settings from <c>.editorconfig</c> (<c>taskgraph.TG1002.max_tasks = 8</c>).</summary>
internal static class TaskGraphOptions
{
    /// <summary>
    /// The positive integer set for <c>taskgraph.{ruleId}.{name}</c> in the configuration that applies
    /// to <paramref name="tree"/>, or <paramref name="defaultValue"/> when unset or not a positive integer.
    /// </summary>
    public static int GetPositiveInt(AnalyzerOptions options, SyntaxTree tree, string ruleId, string name, int defaultValue)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return config.TryGetValue("taskgraph." + ruleId + "." + name, out var text)
               && int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
               && value > 0
            ? value
            : defaultValue;
    }
}
