using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TaskGraph.Diagnostics;
using Xunit;

namespace TaskGraph.Tests.Observers;

public sealed class ConsoleProgressBarTests
{
    [Fact]
    public void RedirectedOutputGetsALineAtTheStartAndEachTenth()
    {
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, "etl", redraw: false);
        Delayed<int>[] tasks = Enumerable.Range(0, 20).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();

        Delayed.Compute(tasks, new ComputeOptions { Scheduler = ComputeScheduler.Synchronous, Progress = bar });

        Assert.Equal(
            new[] { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }.Select(p => $"etl: {p,3}% {p / 5}/20 tasks"),
            Lines(output));
    }

    [Fact]
    public void FailedComputeEndsWithWhereItStopped()
    {
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, "etl", redraw: false);
        Delayed<int>[] tasks = Enumerable.Range(0, 10)
            .Select(i => i == 4 ? Step.Of<int, int>("Boom", _ => throw new InvalidOperationException("broken"), i) : Arithmetic.IncrementDelayed(i))
            .ToArray();

        Assert.Throws<DelayedTaskException>(() => Delayed.Compute(tasks, new ComputeOptions { Scheduler = ComputeScheduler.Synchronous, Progress = bar }));
        bar.Dispose();

        Assert.Equal(
            new[] { "etl:   0% 0/10 tasks", "etl:  10% 1/10 tasks", "etl:  20% 2/10 tasks", "etl:  30% 3/10 tasks", "etl:  40% 4/10 tasks", "etl: stopped at  40% 4/10 tasks, 1 failed" },
            Lines(output));
    }

    [Fact]
    public void TerminalOutputRedrawsOneLineAndEndsIt()
    {
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, "etl", redraw: true, width: 10);
        Delayed<int>[] tasks = Enumerable.Range(0, 5).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();

        Delayed.Compute(tasks, new ComputeOptions { Scheduler = ComputeScheduler.Synchronous, Progress = bar });

        string text = output.ToString();
        Assert.StartsWith("\retl [----------]   0% 0/5 tasks", text, StringComparison.Ordinal);
        Assert.EndsWith("\retl [##########] 100% 5/5 tasks" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Single(Lines(output));
        Assert.True(text.Count(c => c == '\r') >= 2);
    }

    [Fact]
    public void ReportsArrivingOutOfOrderNeverStepBack()
    {
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, "etl", redraw: false);

        bar.Report(new ComputeProgress(10, 0, 0, 0));
        bar.Report(new ComputeProgress(10, 5, 2, 0));
        bar.Report(new ComputeProgress(10, 3, 2, 0));
        bar.Report(new ComputeProgress(10, 10, 0, 0));
        bar.Report(new ComputeProgress(10, 9, 1, 0));
        bar.Report(new ComputeProgress(10, 0, 0, 0));

        Assert.Equal(new[] { "etl:   0% 0/10 tasks", "etl:  50% 5/10 tasks", "etl: 100% 10/10 tasks", "etl:   0% 0/10 tasks" }, Lines(output));
    }

    [Fact]
    public void HundredPercentIsWrittenOnceWhenTheLastTaskIsSeenBeforeItStopsRunning()
    {
        // A snapshot may count the last task done before it stops counting it as running.
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, "etl", redraw: false);

        bar.Report(new ComputeProgress(10, 0, 0, 0));
        bar.Report(new ComputeProgress(10, 10, 1, 0));
        bar.Report(new ComputeProgress(10, 10, 0, 0));
        bar.Dispose();

        Assert.Equal(new[] { "etl:   0% 0/10 tasks", "etl: 100% 10/10 tasks" }, Lines(output));
    }

    [Fact]
    public void ParallelComputeReportsRisingPercentagesToTheEnd()
    {
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, "etl", redraw: false);
        Delayed<int>[] tasks = Enumerable.Range(0, 2_000).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();

        Delayed.Compute(tasks, new ComputeOptions { MaxDegreeOfParallelism = 4, Progress = bar });

        int[] percents = Lines(output).Select(line => int.Parse(Regex.Match(line, @"(\d+)%").Groups[1].Value)).ToArray();
        Assert.Equal(0, percents[0]);
        Assert.Equal(100, percents[^1]);
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(percents.Length, percents.Distinct().Count());
        Assert.Equal("etl: 100% 2000/2000 tasks", Lines(output)[^1]);
    }

    private static string[] Lines(StringWriter output)
        => output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
