using System;
using System.IO;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>Every descriptor's help link points at a docs page that exists and shows non-compliant and compliant code.</summary>
public class HelpLinkTests
{
    public static TheoryData<string> Ids
    {
        get
        {
            var ids = new TheoryData<string>();
            foreach (var descriptor in DiagnosticDescriptors.All)
            {
                ids.Add(descriptor.Id);
            }

            return ids;
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_at_an_existing_page(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        Assert.StartsWith(DiagnosticDescriptors.HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Equal("TaskGraph.Generator", descriptor.Category);

        string relative = descriptor.HelpLinkUri.Substring(DiagnosticDescriptors.HelpLinkBase.Length);
        string page = Path.Combine(TaskGraph.Testing.RepositoryRoot.Path, "docs", "diagnostics", relative);
        Assert.True(File.Exists(page), $"{id}: {page} does not exist.");

        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}:", text, StringComparison.Ordinal);
        Assert.Contains("## Non-compliant code", text, StringComparison.Ordinal);
        Assert.Contains("## Compliant code", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_in_the_generator_range()
    {
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.True(seen.Add(descriptor.Id), descriptor.Id);
            Assert.Matches("^TG00[0-9][0-9]$", descriptor.Id);
            Assert.NotEqual("TG0000", descriptor.Id);
        }
    }
}
