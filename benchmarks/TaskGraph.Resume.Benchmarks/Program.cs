using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(TaskGraph.Resume.Benchmarks.ResumeBenchmarks).Assembly).Run(args);
