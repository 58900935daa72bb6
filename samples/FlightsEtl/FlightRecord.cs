using System;

namespace FlightsEtl;

/// <summary>
/// One parsed flight, typed like the seed's <c>read_csv</c> dtypes: <see cref="Date"/> built from
/// Year/Month/DayofMonth; the pandas float64 columns as nullable doubles (null where the file says
/// NA or leaves the field empty); TailNum as a string (null when missing); Cancelled as a bool.
/// </summary>
/// <remarks>
/// The float64 columns are stored as doubles with NaN for missing, as pandas stores them: half the
/// size of <c>double?</c> fields, which matters at millions of rows per compute.
/// </remarks>
public readonly record struct FlightRecord
{
    private readonly double depTime, arrTime, actualElapsedTime, crsElapsedTime, airTime, arrDelay, depDelay, distance, taxiIn, taxiOut;

    /// <summary>Creates a flight from its typed values.</summary>
    public FlightRecord(
        DateOnly date, int dayOfWeek, double? depTime, int crsDepTime, double? arrTime, int crsArrTime, string uniqueCarrier,
        int flightNum, string? tailNum, double? actualElapsedTime, double? crsElapsedTime, double? airTime, double? arrDelay,
        double? depDelay, string origin, string dest, double? distance, double? taxiIn, double? taxiOut, bool cancelled, int diverted)
    {
        Date = date;
        DayOfWeek = dayOfWeek;
        this.depTime = depTime ?? double.NaN;
        CRSDepTime = crsDepTime;
        this.arrTime = arrTime ?? double.NaN;
        CRSArrTime = crsArrTime;
        UniqueCarrier = uniqueCarrier;
        FlightNum = flightNum;
        TailNum = tailNum;
        this.actualElapsedTime = actualElapsedTime ?? double.NaN;
        this.crsElapsedTime = crsElapsedTime ?? double.NaN;
        this.airTime = airTime ?? double.NaN;
        this.arrDelay = arrDelay ?? double.NaN;
        this.depDelay = depDelay ?? double.NaN;
        Origin = origin;
        Dest = dest;
        this.distance = distance ?? double.NaN;
        this.taxiIn = taxiIn ?? double.NaN;
        this.taxiOut = taxiOut ?? double.NaN;
        Cancelled = cancelled;
        Diverted = diverted;
    }

    /// <summary>The flight's date (the seed's parsed <c>Date</c> column).</summary>
    public DateOnly Date { get; }

    /// <summary>1 = Monday ... 7 = Sunday.</summary>
    public int DayOfWeek { get; }

    /// <summary>Actual departure time, hhmm.</summary>
    public double? DepTime => Value(depTime);

    /// <summary>Scheduled departure time, hhmm.</summary>
    public int CRSDepTime { get; }

    /// <summary>Actual arrival time, hhmm.</summary>
    public double? ArrTime => Value(arrTime);

    /// <summary>Scheduled arrival time, hhmm.</summary>
    public int CRSArrTime { get; }

    /// <summary>Carrier code.</summary>
    public string UniqueCarrier { get; }

    /// <summary>Flight number.</summary>
    public int FlightNum { get; }

    /// <summary>The aircraft's tail number; null when not recorded.</summary>
    public string? TailNum { get; }

    /// <summary>Actual elapsed minutes.</summary>
    public double? ActualElapsedTime => Value(actualElapsedTime);

    /// <summary>Scheduled elapsed minutes.</summary>
    public double? CRSElapsedTime => Value(crsElapsedTime);

    /// <summary>Minutes in the air.</summary>
    public double? AirTime => Value(airTime);

    /// <summary>Arrival delay, minutes.</summary>
    public double? ArrDelay => Value(arrDelay);

    /// <summary>Departure delay, minutes.</summary>
    public double? DepDelay => Value(depDelay);

    /// <summary>Departure delay with NaN for missing, as the float64 column holds it.</summary>
    public double DepDelayOrNaN => depDelay;

    /// <summary>Origin airport.</summary>
    public string Origin { get; }

    /// <summary>Destination airport.</summary>
    public string Dest { get; }

    /// <summary>Distance, miles.</summary>
    public double? Distance => Value(distance);

    /// <summary>Taxi-in minutes.</summary>
    public double? TaxiIn => Value(taxiIn);

    /// <summary>Taxi-out minutes.</summary>
    public double? TaxiOut => Value(taxiOut);

    /// <summary>Whether the flight was cancelled.</summary>
    public bool Cancelled { get; }

    /// <summary>1 when the flight was diverted.</summary>
    public int Diverted { get; }

    private static double? Value(double stored) => double.IsNaN(stored) ? null : stored;
}
