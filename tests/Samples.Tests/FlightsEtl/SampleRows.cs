using FlightsEtl;

namespace Samples.Tests.FlightsEtl;

/// <summary>Hand-written flights rows the reader and job tests share.</summary>
internal static class SampleRows
{
    public const string Good = "1990,1,1,1,1621,1540,1747,1701,US,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,0,0";
    public const string Cancelled = "1995,3,14,2,NA,905,NA,1035,AA,120,N421AA,NA,90,NA,NA,NA,LGA,ORD,733,NA,NA,1,0";
    public static readonly string Header = string.Join(',', FlightColumns.Names);
}
