using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class HelpLinkTests
{
    private const string HelpLinkBase = "https://github.com/taskgraph/taskgraph/blob/main/";

    [Fact]
    public void Every_descriptor_links_to_an_existing_docs_page_with_noncompliant_and_compliant_code()
    {
        string root = TaskGraph.Testing.RepositoryRoot.Path;
        var descriptors = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).ToList();
        Assert.Equal(11, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var descriptor in descriptors)
        {
            Assert.StartsWith(HelpLinkBase, descriptor.HelpLinkUri);
            string page = Path.Combine(root, descriptor.HelpLinkUri.Substring(HelpLinkBase.Length));
            Assert.True(File.Exists(page), $"{descriptor.Id} links to {descriptor.HelpLinkUri}, but {page} does not exist.");
            Assert.EndsWith(descriptor.Id + ".md", page);
            string text = File.ReadAllText(page);
            Assert.Contains("# " + descriptor.Id, text);
            Assert.Contains("Non-compliant", text);
            Assert.Contains("Compliant", text);
        }
    }

    [Fact]
    public void Every_rule_is_listed_in_the_release_tracking_file()
    {
        string root = TaskGraph.Testing.RepositoryRoot.Path;
        string unshipped = File.ReadAllText(Path.Combine(root, "src", "Analyzers", "TaskGraph.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}", unshipped);
        }
    }
}
