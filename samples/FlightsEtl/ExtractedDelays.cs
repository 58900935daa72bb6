namespace FlightsEtl;

/// <summary>What the extract graph yields: the merged summary and the imputed DepDelay values of every file, in order.</summary>
/// <param name="Summary">The merged summary.</param>
/// <param name="Values">The imputed values (the seed's <c>data_array</c>).</param>
public sealed record ExtractedDelays(DelaySummary Summary, int[] Values);
