namespace CustomEtl;

/// <summary>Deterministic, platform-independent mixing (FNV-1a and SplitMix64), so results do not depend on string hash randomization.</summary>
internal static class Checksums
{
    public static long Of(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)Mix(hash);
    }

    public static long Combine(long first, long second) => (long)Mix((ulong)first ^ Mix((ulong)second));

    /// <summary>Maps a checksum to [0, 1).</summary>
    public static double ToUnitInterval(long checksum) => ((ulong)checksum >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
