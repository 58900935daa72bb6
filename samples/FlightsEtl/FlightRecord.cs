using System;

namespace FlightsEtl;

/// <summary>
/// One parsed flight, typed like the seed's <c>read_csv</c> dtypes: <see cref="Date"/> built from
/// Year/Month/DayofMonth; the pandas float64 columns as nullable doubles (null where the file says
/// NA or leaves the field empty); TailNum as a string (null when missing); Cancelled as a bool.
/// </summary>
public readonly record struct FlightRecord(
    DateOnly Date,
    int DayOfWeek,
    double? DepTime,
    int CRSDepTime,
    double? ArrTime,
    int CRSArrTime,
    string UniqueCarrier,
    int FlightNum,
    string? TailNum,
    double? ActualElapsedTime,
    double? CRSElapsedTime,
    double? AirTime,
    double? ArrDelay,
    double? DepDelay,
    string Origin,
    string Dest,
    double? Distance,
    double? TaxiIn,
    double? TaxiOut,
    bool Cancelled,
    int Diverted);
