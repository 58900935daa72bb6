using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using Xunit;

namespace TaskGraph.Resume.Tests;

/// <summary>Reuse of stored results across computes, what invalidates them, and what is refused.</summary>
public sealed partial class ResumeTests : IDisposable
{
    private static readonly ConcurrentDictionary<string, int> Runs = new();
    private readonly string path = Path.Combine(Path.GetTempPath(), $"taskgraph-resume-{Guid.NewGuid():N}.db");
    private readonly SqliteResultStore store;

    public ResumeTests() => store = new SqliteResultStore(path);

    [Delayed(Checkpoint = true)]
    public static long Square(string test, int i) => Count(test, "Square") * 0 + (long)i * i;

    [Delayed(Checkpoint = true)]
    public static long Total(string test, IReadOnlyList<long> parts) => Count(test, "Total") * 0 + parts.Sum();

    [Delayed]
    public static long Plain(string test, long value) => Count(test, "Plain") * 0 + value + 1;

    [Delayed(Checkpoint = true)]
    public static int Measure(object thing) => thing.GetHashCode();

    [Delayed(Checkpoint = true)]
    public static object Boxed(int x) => x;

    [Delayed(Checkpoint = true)]
    public static int After(int x) => x;

    [Fact]
    public void A_second_compute_of_an_equal_graph_reuses_the_target_and_runs_nothing()
    {
        string test = nameof(A_second_compute_of_an_equal_graph_reuses_the_target_and_runs_nothing);
        Delayed<long> Graph() => PlainDelayed(test, TotalDelayed(test, Enumerable.Range(0, 10).Select(i => SquareDelayed(test, i)).ToList()));

        Assert.Equal(286, Graph().Compute(Options()));
        Assert.Equal((10, 1, 1), (RunsOf(test, "Square"), RunsOf(test, "Total"), RunsOf(test, "Plain")));

        var observer = new ReuseObserver();
        var progress = new List<ComputeProgress>();
        Assert.Equal(286, Graph().Compute(Options() with { Observers = [observer], Progress = new InlineProgress(progress.Add), Scheduler = ComputeScheduler.Synchronous }));

        // Only the unchecked Plain runs again: Total is found, the squares below it are not even reached.
        Assert.Equal((10, 1, 2), (RunsOf(test, "Square"), RunsOf(test, "Total"), RunsOf(test, "Plain")));
        Assert.Equal(["Total"], observer.Reused.Select(node => node.Method!.Name));
        Assert.Equal(new ComputeProgress(2, 2, 0, 0, 1), progress[^1]);
        // The planned task, then the reused one.
        Assert.Equal([("Plain", 1), ("Total", 1)], observer.Compute!.TasksPerMethod.Select(count => (count.Method!.Name, count.Tasks)));
        Assert.Equal(11, store.Count);
    }

    [Fact]
    public void Stored_parts_of_a_wider_graph_are_reused_and_the_rest_runs()
    {
        string test = nameof(Stored_parts_of_a_wider_graph_are_reused_and_the_rest_runs);
        Delayed.Compute(Delayed.All(Enumerable.Range(0, 4).Select(i => SquareDelayed(test, i))), Options());

        long total = TotalDelayed(test, Enumerable.Range(0, 10).Select(i => SquareDelayed(test, i)).ToList()).Compute(Options());

        Assert.Equal(285, total);
        Assert.Equal(4 + 6, RunsOf(test, "Square"));
    }

    [Fact]
    public void A_changed_argument_or_code_version_gives_another_key_and_so_do_its_consumers()
    {
        var first = SquareDelayed("keys", 3);
        string key = KeyOf(TotalDelayed("keys", [first]));

        Assert.NotEqual(key, KeyOf(TotalDelayed("keys", [SquareDelayed("keys", 4)])));
        Assert.NotEqual(key, KeyOf(TotalDelayed("other", [SquareDelayed("keys", 3)])));
        Assert.Equal(key, KeyOf(TotalDelayed("keys", [SquareDelayed("keys", 3)])));

        // The same method at another code version: its key and its consumer's change.
        var method = first.Method!;
        var changed = new DelayedMethod(method.Id, method.Name, method.ContainingType) { ParameterNames = method.ParameterNames, Checkpoint = true, CodeVersion = "0123456789abcdef" };
        Assert.NotEqual(method.CodeVersion, changed.CodeVersion);
        Assert.Matches("^[0-9a-f]{16}$", method.CodeVersion);
        Assert.NotEqual(
            Resume.ResumeKeys.Of(first, ["v1", "v2"]),
            Resume.ResumeKeys.Of(Infrastructure.DelayedCall.Create<long>(changed, static (_, _) => 0, null, null), ["v1", "v2"]));
    }

    [Fact]
    public void A_constant_that_cannot_be_stored_is_refused_before_anything_runs_naming_the_task_and_type()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MeasureDelayed(Delayed.Value<object>(new MemoryStream())).Compute(Options()));

        Assert.Contains("Measure", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.IO.MemoryStream", error.Message, StringComparison.Ordinal);
        Assert.Contains("is a stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_type_that_cannot_be_read_back_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BoxedDelayed(1).Compute(Options()));

        Assert.Contains("Boxed", error.Message, StringComparison.Ordinal);
        Assert.Contains("'System.Object'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpointed_call_below_an_instance_method_cannot_be_keyed_and_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AfterDelayed(new ResumeTestsHost().OffsetDelayed(1)).Compute(Options()));

        Assert.Contains("After", error.Message, StringComparison.Ordinal);
        Assert.Contains("Offset", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be keyed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_torn_entry_is_never_read_and_its_task_runs_again()
    {
        string test = nameof(A_torn_entry_is_never_read_and_its_task_runs_again);
        Assert.Equal(49, SquareDelayed(test, 7).Compute(Options()));
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE results SET value = CAST('{\"half' AS BLOB);";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        Assert.Equal(49, SquareDelayed(test, 7).Compute(Options()));
        Assert.Equal(2, RunsOf(test, "Square"));
    }

    [Fact]
    public void Clear_forgets_every_result()
    {
        string test = nameof(Clear_forgets_every_result);
        SquareDelayed(test, 2).Compute(Options());
        store.Clear();
        SquareDelayed(test, 2).Compute(Options());

        Assert.Equal(2, RunsOf(test, "Square"));
        Assert.Equal(1, store.Count);
    }

    public void Dispose()
    {
        store.Dispose();
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }

    private ComputeOptions Options() => new() { ResultStore = store };

    /// <summary>The key the store is asked for first, the target's (a store that records reads and holds nothing).</summary>
    private string KeyOf(Delayed<long> target)
    {
        var recording = new RecordingStore(store);
        target.Compute(new ComputeOptions { ResultStore = recording });
        return recording.Reads[0];
    }

    private static int Count(string test, string method)
    {
        Runs.AddOrUpdate(test + "/" + method, 1, (_, runs) => runs + 1);
        return 0;
    }

    private static int RunsOf(string test, string method) => Runs.GetValueOrDefault(test + "/" + method);

    private sealed class ReuseObserver : IComputeObserver
    {
        public ConcurrentQueue<DelayedNode> Reused { get; } = new();

        public ComputeInfo? Compute { get; private set; }

        public void OnComputeStarted(ComputeInfo compute) => Compute = compute;

        public void OnTaskReused(ComputeInfo compute, DelayedNode task) => Reused.Enqueue(task);
    }

    private sealed class InlineProgress(Action<ComputeProgress> report) : IProgress<ComputeProgress>
    {
        public void Report(ComputeProgress value) => report(value);
    }

    /// <summary>Answers like <paramref name="inner"/> but never finds a result, and records the keys asked for, in order.</summary>
    private sealed class RecordingStore(IResultStore inner) : IResultStore
    {
        public List<string> Reads { get; } = new();

        public string? CannotStore(Type type) => inner.CannotStore(type);

        public string Fingerprint(object? value, Type type) => inner.Fingerprint(value, type);

        public bool TryRead(string key, Type type, out object? value)
        {
            lock (Reads)
            {
                Reads.Add(key);
            }

            value = null;
            return false;
        }

        public void Write(string key, string task, Type type, object? value)
        {
        }
    }
}

/// <summary>An instance whose method's calls cannot be keyed.</summary>
public sealed partial class ResumeTestsHost
{
    [Delayed]
    public int Offset(int x) => x + 1;
}
