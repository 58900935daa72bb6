using System;
using System.Linq;
using Xunit;

namespace TaskGraph.Analyzers.Tests.DotnetFormat;

/// <summary>Every fixer through a real client, dotnet format, on one project: the program prints the same after the fixes, and each fixer changed what it can.</summary>
public sealed class DotnetFormatFixerTests : IClassFixture<FormattedProject>
{
    private readonly FormattedProject project;

    public DotnetFormatFixerTests(FormattedProject project) => this.project = project;

    [Fact]
    public void The_program_prints_the_same_after_the_fixes()
    {
        Assert.Equal(18, project.BeforeOutput.Count);
        var before = string.Join(Environment.NewLine, project.BeforeOutput.OrderBy(p => p.Key, StringComparer.Ordinal));
        var after = string.Join(Environment.NewLine, project.AfterOutput.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.True(before == after, $"Before:{Environment.NewLine}{before}{Environment.NewLine}After:{Environment.NewLine}{after}{Environment.NewLine}{project.FormatOutput}");
    }

    // Each row: a compute or call the fixes must rewrite (gone afterwards, whichever fixer got there first) and,
    // in the same file, one they must leave because rewriting it would change what the program prints.
    [Theory]
    [InlineData("Chains.cs", "return Steps.LabelDelayed(b).Compute();", "Steps.LabelDelayed(Steps.FlakyDelayed(1)).Compute()")]
    [InlineData("Chains.cs", "await Steps.LabelDelayed(loaded).ComputeAsync()", ".Compute(new ComputeOptions { Retries = 3 })")]
    [InlineData("Chains.cs", "var loaded = Steps.LoadDelayed(4);", "return Steps.LabelDelayed(Steps.FailDelayed(1)).Compute();")]
    [InlineData("Chains.cs", "var b = Steps.IncDelayed(a);", "Steps.LabelDelayed(count).Compute()")]
    [InlineData("Trivial.cs", "Steps.AddDelayed(Steps.AddDelayed(1, 2), Steps.AddDelayed(3, 4)).Compute()", null)]
    [InlineData("Loops.cs", "numbers.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(i)).Compute());", "values.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(i)).Compute());")]
    [InlineData("Loops.cs", "labels.Add(Steps.LabelDelayed(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(1))).Compute());", "values.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.FailDelayed(i)).Compute());")]
    [InlineData("Values.cs", "Delayed.Value(Steps.Id(\"text\"))", "Delayed.Value(Steps.Opt(null))")]
    [InlineData("Values.cs", "Delayed.Value(Steps.Inc(1))", "Delayed.Value(Steps.Flush())")]
    [InlineData("Steps.cs", "IncDelayed(IncDelayed(x)).Compute()", null)]
    [InlineData("Discarded.cs", "Steps.SaveDelayed(5);", "Steps.SaveDelayed(i++);")]
    [InlineData("Discarded.cs", "Steps.SaveDelayed(5);", "_ = Steps.IncDelayed(Steps.Note(3) + 0);")]
    public void Each_fixer_rewrote_what_keeps_the_meaning_and_left_the_rest(string file, string rewritten, string? kept)
    {
        string before = project.Before[file];
        string after = project.After[file];
        Assert.True(before.Contains(rewritten, StringComparison.Ordinal), $"The test's {file} lacks '{rewritten}'.");
        Assert.False(after.Contains(rewritten, StringComparison.Ordinal), $"'{rewritten}' was not fixed in {file}:{Environment.NewLine}{after}{Environment.NewLine}{project.FormatOutput}");
        if (kept is not null)
        {
            Assert.True(before.Contains(kept, StringComparison.Ordinal), $"The test's {file} lacks '{kept}'.");
            Assert.True(after.Contains(kept, StringComparison.Ordinal), $"'{kept}' was rewritten in {file}, which changes the program:{Environment.NewLine}{after}");
        }
    }

    [Theory]
    [InlineData("Chains.cs", ".ConfigureAwait(false)")]
    [InlineData("Loops.cs", "var handles2 = new List<Delayed<string>>();")]
    // TG1004's fix writes the type argument (Steps.IdDelayed<string>), and TG1002 may then call the one-task graph
    // directly (Steps.Id<string>), depending on the order dotnet format runs them: the type argument, absent from
    // the source's Steps.Id("text"), shows the first fix ran either way.
    [InlineData("Values.cs", "<string>(\"text\")")]
    [InlineData("Steps.cs", "[Delayed(Blocking = true)]")]
    public void The_fixed_code_has(string file, string text)
        => Assert.True(project.After[file].Contains(text, StringComparison.Ordinal), $"'{text}' is not in the fixed {file}:{Environment.NewLine}{project.After[file]}{Environment.NewLine}{project.FormatOutput}");
}
