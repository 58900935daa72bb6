namespace TaskGraph.Analyzers;

/// <summary>The categories TaskGraph's rules are filed under (as listed in AnalyzerReleases.*.md).</summary>
internal static class RuleCategories
{
    public const string Performance = "Performance";
    public const string Usage = "Usage";
    public const string Reliability = "Reliability";
}
