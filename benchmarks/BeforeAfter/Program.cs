using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace TaskGraph.Benchmarks;

public static class Program
{
    /// <summary><c>BeforeAfter DIR [BenchmarkDotNet arguments]</c>: DIR holds the baseline commit's TaskGraph.dll.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !System.IO.File.Exists(System.IO.Path.Combine(args[0], "TaskGraph.dll")))
        {
            Console.Error.WriteLine("usage: BeforeAfter DIR [BenchmarkDotNet arguments], where DIR holds the baseline commit's TaskGraph.dll (run.sh builds one)");
            return 2;
        }

        // The suite's short job (1 launch, 3 warm-ups, 9 iterations), once per runtime: each job builds its own
        // copy of this project, the baseline's on the other TaskGraph.dll.
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(9);
        var config = DefaultConfig.Instance
            .AddJob(job.WithArguments([new MsBuildArgument($"/p:BaselineTaskGraph={System.IO.Path.GetFullPath(args[0])}")]).WithId("before").AsBaseline())
            .AddJob(job.WithId("after"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..], config);
        return 0;
    }
}
