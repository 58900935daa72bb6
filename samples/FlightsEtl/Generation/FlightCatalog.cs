namespace FlightsEtl;

/// <summary>What generated flights are drawn from: the NYC airports of the seed's data, 1990s carriers and common destinations.</summary>
internal static class FlightCatalog
{
    /// <summary>Origins (the seed's data holds flights out of the three NYC airports) with their share of flights.</summary>
    public static readonly (string Code, double Share)[] Origins =
    {
        ("EWR", 0.36), ("LGA", 0.34), ("JFK", 0.30),
    };

    /// <summary>How much farther than from Newark each origin is from any destination, in miles (same order as <see cref="Origins"/>).</summary>
    public static readonly int[] OriginDistanceOffsets = { 0, -6, 12 };

    /// <summary>Carriers of the 1990s with their share of flights.</summary>
    public static readonly (string Code, double Share)[] Carriers =
    {
        ("US", 0.20), ("AA", 0.16), ("UA", 0.14), ("DL", 0.14), ("CO", 0.14), ("TW", 0.08), ("NW", 0.08), ("HP", 0.03), ("AS", 0.03),
    };

    /// <summary>Destinations with their distance from Newark, in miles.</summary>
    public static readonly (string Code, int Distance)[] Destinations =
    {
        ("PIT", 319), ("BOS", 200), ("ORD", 719), ("ATL", 746), ("DCA", 199), ("MIA", 1085), ("LAX", 2454), ("SFO", 2565),
        ("DFW", 1372), ("DTW", 488), ("CLT", 529), ("MCO", 937), ("FLL", 1065), ("TPA", 997), ("DEN", 1605), ("IAH", 1400),
        ("MSP", 1008), ("STL", 872), ("BUF", 282), ("RDU", 416), ("CLE", 404), ("BWI", 169), ("SYR", 195), ("ROC", 246),
        ("PHX", 2133), ("SEA", 2402), ("LAS", 2227), ("SJU", 1608), ("CVG", 569), ("IND", 645),
    };

    /// <summary>Picks an index from a table of shares that sum to 1.</summary>
    public static int Pick(double uniform, (string Code, double Share)[] table)
    {
        for (int i = 0; i < table.Length - 1; i++)
        {
            uniform -= table[i].Share;
            if (uniform < 0)
            {
                return i;
            }
        }

        return table.Length - 1;
    }
}
