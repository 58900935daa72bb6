using System.IO;
using System.Linq;
using TaskGraph.Diagnostics;
using Xunit;

namespace TaskGraph.Resume.Tests;

/// <summary>Pictures colour reused tasks apart, and the console progress bar counts them.</summary>
public sealed partial class ReusedPictureTests : System.IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"taskgraph-pictures-{System.Guid.NewGuid():N}.db");
    private readonly SqliteResultStore store;

    public ReusedPictureTests() => store = new SqliteResultStore(path);

    [Delayed(Checkpoint = true)]
    public static int Double(int x) => 2 * x;

    [Delayed]
    public static int Add(int a, int b) => a + b;

    [Fact]
    public void ToDot_colours_a_reused_task_and_the_bar_counts_it()
    {
        DoubleDelayed(4).Compute(new ComputeOptions { ResultStore = store });
        var reused = DoubleDelayed(4);
        var graph = AddDelayed(reused, DoubleDelayed(5));
        var recorder = new GraphStateRecorder();
        var output = new StringWriter();
        var bar = new ConsoleProgressBar(output, redraw: false);

        Assert.Equal(18, graph.Compute(new ComputeOptions { ResultStore = store, Observers = [recorder], Progress = bar }));

        Assert.Equal(TaskState.Reused, recorder.StateOf(reused));
        Assert.Equal(TaskState.Done, recorder.StateOf(graph));
        string dot = graph.ToDot(recorder);
        Assert.Contains("#bbdefb", dot, System.StringComparison.Ordinal);
        Assert.Single(dot.Split('\n'), line => line.Contains("#bbdefb", System.StringComparison.Ordinal));
        Assert.Contains("3/3 tasks, 1 reused", output.ToString().Split('\n').Last(line => line.Length > 0), System.StringComparison.Ordinal);
    }

    public void Dispose()
    {
        store.Dispose();
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
