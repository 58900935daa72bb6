using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release -- --filter '*' --job short --inProcess (in process: the 2-core machine here timed out building the per-job projects)
BenchmarkSwitcher.FromAssembly(typeof(TaskGraph.Resume.Benchmarks.ResumeBenchmarks).Assembly).Run(args);
