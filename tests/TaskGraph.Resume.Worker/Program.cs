using System;
using System.Globalization;
using TaskGraph;
using TaskGraph.Resume;
using TaskGraph.Resume.Worker;

// Usage: <store file> <run log>. Prints the graph's value once the compute ends.
using var store = new SqliteResultStore(args[0]);
CrashGraph.RunLog = args[1];
long value = CrashGraph.Build().Compute(new ComputeOptions { ResultStore = store, MaxDegreeOfParallelism = 2 });
Console.WriteLine(value.ToString(CultureInfo.InvariantCulture));
