namespace CustomEtl;

/// <summary>A stand-in for a loaded dataset: the seed's tasks only sleep, so a dataset is its lineage and a checksum.</summary>
/// <param name="Name">Where the data came from and what was done to it.</param>
/// <param name="Checksum">A value derived deterministically from the lineage, so results can be compared across runs.</param>
public sealed record Dataset(string Name, long Checksum);
