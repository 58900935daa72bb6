using System.Collections.Generic;

namespace FlightsEtl;

/// <summary>The flights CSV schema, in file order, as in the seed's data (the NYC flights of 1990-1999).</summary>
public static class FlightColumns
{
    /// <summary>The header every flights file starts with, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "Year", "Month", "DayofMonth", "DayOfWeek", "DepTime", "CRSDepTime", "ArrTime", "CRSArrTime",
        "UniqueCarrier", "FlightNum", "TailNum", "ActualElapsedTime", "CRSElapsedTime", "AirTime", "ArrDelay",
        "DepDelay", "Origin", "Dest", "Distance", "TaxiIn", "TaxiOut", "Cancelled", "Diverted",
    };

    /// <summary>The number of columns of a flights row.</summary>
    public const int Count = 23;

    // Column positions, named so that parsing and generation read like the schema.
    internal const int Year = 0;
    internal const int Month = 1;
    internal const int DayofMonth = 2;
    internal const int DayOfWeek = 3;
    internal const int DepTime = 4;
    internal const int CRSDepTime = 5;
    internal const int ArrTime = 6;
    internal const int CRSArrTime = 7;
    internal const int UniqueCarrier = 8;
    internal const int FlightNum = 9;
    internal const int TailNum = 10;
    internal const int ActualElapsedTime = 11;
    internal const int CRSElapsedTime = 12;
    internal const int AirTime = 13;
    internal const int ArrDelay = 14;
    internal const int DepDelay = 15;
    internal const int Origin = 16;
    internal const int Dest = 17;
    internal const int Distance = 18;
    internal const int TaxiIn = 19;
    internal const int TaxiOut = 20;
    internal const int Cancelled = 21;
    internal const int Diverted = 22;

    /// <summary>The text the generator writes for a missing number (pandas reads it as NaN).</summary>
    public const string Missing = "NA";
}
