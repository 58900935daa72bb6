using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomEtl;

namespace SeedGraph;

/// <summary>
/// The sample's results without the sample's waits: given no work, its async tasks complete at once,
/// so the blocking tasks return exactly what the async ones do and the three runs can be compared.
/// </summary>
internal static class SampleResults
{
    private static readonly SimulatedWork NoWait = new(TimeSpan.Zero);

    public static Dataset Load(string address) => Completed(EtlTasks.LoadAsync(address, NoWait, CancellationToken.None));

    public static Dataset LoadFromSql(string address) => Completed(EtlTasks.LoadFromSqlAsync(address, NoWait, CancellationToken.None));

    public static Dataset Process(Dataset data, Dataset reference) => Completed(EtlTasks.ProcessAsync(data, reference, NoWait, CancellationToken.None));

    public static Dataset Roll(Dataset a, Dataset b, Dataset c) => Completed(EtlTasks.RollAsync(a, b, c, NoWait, CancellationToken.None));

    public static double Compare(Dataset a, Dataset b) => Completed(EtlTasks.CompareAsync(a, b, NoWait, CancellationToken.None));

    public static double Reduction(IReadOnlyList<double> scores) => Completed(EtlTasks.ReductionAsync(scores, NoWait, CancellationToken.None));

    private static T Completed<T>(Task<T> task)
        => task.IsCompletedSuccessfully
            ? task.Result
            : throw new InvalidOperationException("A sample task given no work did not complete at once; its result cannot be borrowed synchronously.");
}
