using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FlightsEtl;

/// <summary>What to generate.</summary>
/// <param name="Directory">Where the CSV files and the manifest go.</param>
/// <param name="Rows">Rows in all files together.</param>
/// <param name="Files">How many files (one per year from 1990, like the seed's data).</param>
/// <param name="Seed">The generator's seed: the same seed gives the same bytes.</param>
public sealed record GeneratorSettings(string Directory, long Rows, int Files, ulong Seed);

/// <summary>The generated (or reused) data set.</summary>
/// <param name="Files">The CSV files' full paths, in order.</param>
/// <param name="Rows">Rows in all files together; <see langword="null"/> for files not generated here (<c>--no-generate</c>).</param>
/// <param name="Reused">Whether existing files were used instead of generating them.</param>
public sealed record GeneratedData(IReadOnlyList<string> Files, long? Rows, bool Reused);

/// <summary>
/// Writes flights CSV files with the seed's schema and plausible values: flights out of the NYC airports,
/// 1990s carriers, departure delays skewed to the right, and the seed data's kinds of missing values
/// (NA for cancelled and diverted flights' times and delays, no tail numbers or taxi times before 1995).
/// Files are written in parallel, each from its own random stream, so the output depends only on the settings.
/// </summary>
public static class DataGenerator
{
    /// <summary>The first year; file <c>i</c> holds the flights of year <c>FirstYear + i</c>.</summary>
    public const int FirstYear = 1990;

    /// <summary>The largest number of files (so years stay in range).</summary>
    public const int MaxFiles = 1000;

    private const int ProgressInterval = 8192;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reuses complete earlier output of the same settings, or generates it.</summary>
    /// <param name="settings">What to generate.</param>
    /// <param name="rowsWritten">Called with the number of rows written since the last call.</param>
    /// <param name="cancellationToken">Stops generation; the next run generates again.</param>
    public static GeneratedData GenerateOrReuse(GeneratorSettings settings, Action<long>? rowsWritten = null, CancellationToken cancellationToken = default)
        => TryReuse(settings) ?? Generate(settings, rowsWritten, cancellationToken);

    /// <summary>The complete earlier output of the same settings, still on disk; <see langword="null"/> when there is none.</summary>
    public static GeneratedData? TryReuse(GeneratorSettings settings)
    {
        Check(settings);
        var manifest = DataManifest.TryRead(settings.Directory);
        return manifest is not null && manifest.Matches(settings)
            ? new GeneratedData(FullPaths(settings.Directory, manifest), manifest.Rows, Reused: true)
            : null;
    }

    /// <summary>
    /// Generates the files of <paramref name="settings"/>, overwriting only files an earlier generation wrote
    /// (those its manifest names): a folder holding any other CSV file is refused, so a user's own data is never
    /// overwritten or silently left out.
    /// </summary>
    /// <exception cref="JobRefusedException">The folder holds CSV files that no generation here wrote.</exception>
    public static GeneratedData Generate(GeneratorSettings settings, Action<long>? rowsWritten = null, CancellationToken cancellationToken = default)
    {
        Check(settings);
        bool created = !Directory.Exists(settings.Directory);
        Directory.CreateDirectory(settings.Directory);
        if (created)
        {
            // Generated data is not source: keep it out of git wherever the directory is.
            File.WriteAllText(Path.Combine(settings.Directory, ".gitignore"), "*\n");
        }

        var earlier = GeneratedFiles(settings.Directory);
        var entries = new DataManifest.FileEntry[settings.Files];
        for (int index = 0; index < entries.Length; index++)
        {
            entries[index] = new DataManifest.FileEntry(FileName(index), RowsInFile(settings, index), Bytes: 0);
        }

        // An earlier generation's files beyond this one's count would otherwise be read with --no-generate.
        foreach (string stale in earlier.Except(entries.Select(entry => entry.Name)))
        {
            File.Delete(Path.Combine(settings.Directory, stale));
        }

        // Claimed before any file is written, so that a run killed mid-generation leaves files the next run knows as its own.
        new DataManifest(DataManifest.CurrentFormatVersion, settings.Seed, settings.Rows, entries, Complete: false).Write(settings.Directory);
        Parallel.For(0, settings.Files, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            string path = Path.Combine(settings.Directory, entries[index].Name);
            WriteFile(path + ".tmp", FirstYear + index, entries[index].Rows, new DeterministicRandom(settings.Seed, (ulong)index), rowsWritten, cancellationToken);
            File.Move(path + ".tmp", path, overwrite: true);
            entries[index] = entries[index] with { Bytes = new FileInfo(path).Length };
        });

        var manifest = new DataManifest(DataManifest.CurrentFormatVersion, settings.Seed, settings.Rows, entries, Complete: true);
        manifest.Write(settings.Directory);
        return new GeneratedData(FullPaths(settings.Directory, manifest), manifest.Rows, Reused: false);
    }

    private static void Check(GeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Files, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Files, MaxFiles);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Rows);
    }

    /// <summary>The CSV files an earlier generation named in its manifest.</summary>
    /// <exception cref="JobRefusedException">The folder holds other CSV files.</exception>
    private static HashSet<string> GeneratedFiles(string directory)
    {
        var ours = new HashSet<string>(DataManifest.TryRead(directory)?.Files.Select(file => file.Name) ?? [], StringComparer.Ordinal);
        var foreign = Directory.GetFiles(directory, "*.csv").Select(Path.GetFileName).Where(name => !ours.Contains(name!)).Order(StringComparer.Ordinal).ToArray();
        if (foreign.Length > 0)
        {
            string shown = string.Join(", ", foreign.Take(5)) + (foreign.Length > 5 ? $" and {foreign.Length - 5} more" : "");
            throw new JobRefusedException(
                $"{Path.GetFullPath(directory)} holds CSV files this sample did not generate ({shown}); nothing was written. " +
                "Pass --no-generate to read them as they are, or give --data an empty or new folder to generate into.");
        }

        return ours;
    }

    /// <summary>The name of file <paramref name="index"/>.</summary>
    public static string FileName(int index) => (FirstYear + index).ToString(CultureInfo.InvariantCulture) + ".csv";

    /// <summary>Rows in file <paramref name="index"/>: an even split, the first files taking the remainder.</summary>
    public static long RowsInFile(GeneratorSettings settings, int index)
        => (settings.Rows / settings.Files) + (index < settings.Rows % settings.Files ? 1 : 0);

    private static string[] FullPaths(string directory, DataManifest manifest)
    {
        var paths = new string[manifest.Files.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            paths[i] = Path.GetFullPath(Path.Combine(directory, manifest.Files[i].Name));
        }

        return paths;
    }

    private static void WriteFile(string path, int year, long rows, DeterministicRandom random, Action<long>? rowsWritten, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(path, append: false, Utf8, bufferSize: 1 << 20);
        writer.Write(string.Join(',', FlightColumns.Names));
        writer.Write('\n');
        var line = new LineBuilder(new char[512]);
        int daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
        var firstDay = new DateOnly(year, 1, 1);
        long sinceReport = 0;
        for (long row = 0; row < rows; row++)
        {
            // Rows come in date order through the year, as in the seed's files.
            var date = firstDay.AddDays((int)(row * daysInYear / rows));
            WriteRow(ref line, date, ref random);
            writer.Write(line.Buffer, 0, line.Length);
            if (++sinceReport == ProgressInterval)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rowsWritten?.Invoke(sinceReport);
                sinceReport = 0;
            }
        }

        rowsWritten?.Invoke(sinceReport);
    }

    private static void WriteRow(ref LineBuilder line, DateOnly date, ref DeterministicRandom random)
    {
        bool modern = date.Year >= 1995; // the seed's early years have no tail numbers, air or taxi times
        var carrier = FlightCatalog.Carriers[FlightCatalog.Pick(random.NextDouble(), FlightCatalog.Carriers)];
        int originIndex = FlightCatalog.Pick(random.NextDouble(), FlightCatalog.Origins);
        var destination = FlightCatalog.Destinations[random.Next(FlightCatalog.Destinations.Length)];
        int distance = destination.Distance + FlightCatalog.OriginDistanceOffsets[originIndex];
        int flightNum = 1 + random.Next(2999);
        int scheduledDeparture = 360 + (5 * random.Next(193)); // 06:00 to 22:00, on the five minutes
        int scheduledElapsed = Math.Max(30, (int)Math.Round((distance / 7.5) + 32 + random.NextNormal(0, 4)));

        bool cancelled = random.NextDouble() < 0.018;
        bool diverted = !cancelled && random.NextDouble() < 0.0025;
        bool delayNotRecorded = !cancelled && random.NextDouble() < 0.001;
        // Most flights leave about on time; a long right tail of late ones.
        double delayDraw = random.NextNormal(-2, 4) + (random.NextDouble() < 0.4 ? random.NextExponential(35) : 0);
        int depDelay = (int)Math.Round(delayDraw);
        int taxiOut = 5 + (int)Math.Round(random.NextExponential(11));
        int taxiIn = 2 + (int)Math.Round(random.NextExponential(4));
        int actualElapsed = Math.Max(20, scheduledElapsed + (int)Math.Round(random.NextNormal(0, 8)));
        bool tailKnown = modern && random.NextDouble() >= 0.004;
        int tailNumber = 100 + random.Next(900);

        bool departed = !cancelled;
        bool arrived = departed && !diverted;
        int? dep = departed && !delayNotRecorded ? depDelay : null;
        int? arrDelay = arrived && !delayNotRecorded ? depDelay + actualElapsed - scheduledElapsed : null;

        line.Reset();
        line.Int(date.Year);
        line.Int(date.Month);
        line.Int(date.Day);
        line.Int(((int)date.DayOfWeek + 6) % 7 + 1); // Monday = 1, as the seed's data
        line.Int(dep is null ? null : Clock(scheduledDeparture + dep.Value));
        line.Int(Clock(scheduledDeparture));
        line.Int(arrDelay is null ? null : Clock(scheduledDeparture + scheduledElapsed + arrDelay.Value));
        line.Int(Clock(scheduledDeparture + scheduledElapsed));
        line.Text(carrier.Code);
        line.Int(flightNum);
        if (tailKnown)
        {
            line.TailNumber(tailNumber, carrier.Code);
        }
        else
        {
            line.Text(""); // the seed's files leave missing tail numbers empty
        }

        line.Int(arrived ? actualElapsed : null);
        line.Int(scheduledElapsed);
        line.Int(arrived && modern ? Math.Max(10, actualElapsed - taxiOut - taxiIn) : null);
        line.Int(arrDelay);
        line.Int(dep);
        line.Text(FlightCatalog.Origins[originIndex].Code);
        line.Text(destination.Code);
        line.Int(distance);
        line.Int(arrived && modern ? taxiIn : null);
        line.Int(departed && modern ? taxiOut : null);
        line.Int(cancelled ? 1 : 0);
        line.Int(diverted ? 1 : 0);
        line.EndRow();
    }

    /// <summary>Minutes after midnight (possibly past a day) as an hhmm clock reading; midnight is 2400, as in the seed's data.</summary>
    private static int Clock(int minutes)
    {
        int inDay = ((minutes % 1440) + 1440) % 1440;
        int clock = (inDay / 60 * 100) + (inDay % 60);
        return clock == 0 ? 2400 : clock;
    }

    /// <summary>Builds one CSV line in a reused buffer, without allocating per value.</summary>
    private struct LineBuilder(char[] buffer)
    {
        public readonly char[] Buffer => buffer;

        public int Length { get; private set; }

        public void Reset() => Length = 0;

        public void Int(int? value)
        {
            if (value is null)
            {
                Text(FlightColumns.Missing);
                return;
            }

            value.Value.TryFormat(buffer.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
            Length += written;
            buffer[Length++] = ',';
        }

        public void Text(string text)
        {
            text.CopyTo(buffer.AsSpan(Length));
            Length += text.Length;
            buffer[Length++] = ',';
        }

        public void TailNumber(int number, string carrier)
        {
            buffer[Length++] = 'N';
            number.TryFormat(buffer.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
            Length += written;
            Text(carrier);
        }

        public void EndRow() => buffer[Length - 1] = '\n'; // the last value's comma becomes the line's end
    }
}
