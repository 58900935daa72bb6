namespace CustomEtl;

/// <summary>The size of one of the seed's examples.</summary>
/// <param name="Name">How the report names it.</param>
/// <param name="Files">How many datasets are loaded (seed: 10, then 100).</param>
/// <param name="Comparisons">How many random pairs are compared (seed: 20, then 200).</param>
public sealed record EtlExample(string Name, int Files, int Comparisons)
{
    /// <summary>The seed's first example: 10 files, 20 comparisons.</summary>
    public static EtlExample Small { get; } = new("small", 10, 20);

    /// <summary>The seed's larger example: 100 files, 200 comparisons.</summary>
    public static EtlExample Large { get; } = new("large", 100, 200);
}
