using System;
using System.Diagnostics;
using System.IO;

namespace TaskGraph.Diagnostics;

/// <summary>
/// A text progress bar for any compute (dask's <c>progress</c>): pass it as <see cref="ComputeOptions.Progress"/>.
/// On a terminal it redraws one line (<c>label [#######-------]  50% 25/50 tasks, 2 running</c>); when
/// output is redirected it writes a plain line at the start, at each further tenth of the tasks, and at the end.
/// </summary>
/// <remarks>
/// Thread-safe: computes report from their worker threads. The line is ended when every task finished,
/// or when a task failed and none is still running; a compute that is cancelled or stops otherwise is
/// ended by <see cref="Dispose"/>. One bar may follow several computes in turn: a report with nothing
/// started yet begins a new line. Each line is formatted into a buffer owned by the bar, so an update
/// allocates nothing; on a terminal, redraws that would change only the task count are limited to one
/// per <see cref="MinimumRedrawInterval"/>.
/// </remarks>
public sealed class ConsoleProgressBar : IProgress<ComputeProgress>, IDisposable
{
    /// <summary>The shortest time between two terminal redraws that change only the counts.</summary>
    public static readonly TimeSpan MinimumRedrawInterval = TimeSpan.FromMilliseconds(50);

    private const int StepsPerCompute = 10;
    private static readonly long RedrawTicks = (long)(MinimumRedrawInterval.TotalSeconds * Stopwatch.Frequency);

    private readonly object gate = new();
    private readonly TextWriter writer;
    private readonly string label;
    private readonly int width;
    private readonly bool redraw;
    private readonly char[] buffer;
    private ComputeProgress last;
    private bool lineOpen;
    private bool ended = true;
    private int lastStep = -1;
    private int writtenDone = -1;
    private int lastCells = -1;
    private int lastLength;
    private long lastDraw;

    /// <summary>Creates a bar writing to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where the bar goes.</param>
    /// <param name="label">Written before the bar.</param>
    /// <param name="redraw">
    /// Redraw one line with carriage returns (a terminal) or write plain lines (a file or pipe). Default:
    /// redraw when <paramref name="writer"/> is <see cref="Console.Out"/> or <see cref="Console.Error"/>
    /// and that stream is not redirected.
    /// </param>
    /// <param name="width">The bar's width in characters.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is less than 1.</exception>
    public ConsoleProgressBar(TextWriter writer, string label = "compute", bool? redraw = null, int width = 30)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        this.writer = writer;
        this.label = label;
        this.width = width;
        this.redraw = redraw ?? IsTerminal(writer);
        buffer = new char[label.Length + width + 128];
    }

    /// <summary>Receives a snapshot and redraws or writes a line when there is something new to show.</summary>
    public void Report(ComputeProgress value)
    {
        lock (gate)
        {
            if (value is { Done: 0, Running: 0, Failed: 0 })
            {
                Begin(value);
                return;
            }

            // Snapshots from different threads may arrive out of order: never step back.
            if (ended || value.Done < last.Done || value.Failed < last.Failed || value.Total != last.Total)
            {
                return;
            }

            last = value;
            bool finished = value.Running == 0 && (value.Done + value.Failed >= value.Total || value.Failed > 0);
            if (redraw)
            {
                Redraw(finished);
            }
            else
            {
                WriteStepLine(finished);
            }

            if (finished)
            {
                End();
            }
        }
    }

    /// <summary>Ends the current line if the compute stopped without finishing (cancelled, or it threw).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (!ended)
            {
                if (!redraw)
                {
                    WriteLine(Format(stopped: true));
                }

                End();
            }
        }
    }

    private void Begin(ComputeProgress start)
    {
        if (!ended)
        {
            End();
        }

        last = start;
        ended = false;
        lastStep = 0;
        writtenDone = 0;
        lastCells = -1;
        lastLength = 0;
        if (redraw)
        {
            Redraw(finished: start.Total == 0);
        }
        else
        {
            WriteLine(Format(stopped: false));
        }

        if (start.Total == 0)
        {
            End();
        }
    }

    private void Redraw(bool finished)
    {
        int cells = Cells();
        long now = Stopwatch.GetTimestamp();
        if (!finished && cells == lastCells && last.Failed == 0 && now - lastDraw < RedrawTicks)
        {
            return;
        }

        lastCells = cells;
        lastDraw = now;
        int length = Format(stopped: false);
        writer.Write('\r');
        writer.Write(buffer, 0, length);
        for (int i = length; i < lastLength; i++)
        {
            writer.Write(' ');
        }

        lastLength = length;
        lineOpen = true;
        writer.Flush();
    }

    private void WriteStepLine(bool finished)
    {
        int step = last.Total == 0 ? StepsPerCompute : (int)((long)last.Done * StepsPerCompute / last.Total);
        bool stopped = finished && last.Done < last.Total;

        // The last task's own report may already have written the 100% line; the compute's end repeats it.
        if (step > lastStep || stopped || (finished && last.Done != writtenDone))
        {
            lastStep = step;
            writtenDone = last.Done;
            WriteLine(Format(stopped));
        }
    }

    private void WriteLine(int length)
    {
        writer.Write(buffer, 0, length);
        writer.WriteLine();
        writer.Flush();
    }

    private void End()
    {
        if (lineOpen)
        {
            writer.WriteLine();
            writer.Flush();
            lineOpen = false;
        }

        ended = true;
    }

    private int Cells() => last.Total == 0 ? width : (int)((long)last.Done * width / last.Total);

    /// <summary>Formats the current line into <see cref="buffer"/>; returns its length.</summary>
    private int Format(bool stopped)
    {
        var line = new LineBuilder(buffer);
        line.Append(label);
        int percent = last.Total == 0 ? 100 : (int)((long)last.Done * 100 / last.Total);
        if (redraw)
        {
            int cells = Cells();
            line.Append(" [");
            line.Repeat('#', cells);
            line.Repeat('-', width - cells);
            line.Append("] ");
            line.AppendPadded(percent, 3);
            line.Append("% ");
        }
        else
        {
            line.Append(stopped ? ": stopped at " : ": ");
            line.AppendPadded(percent, 3);
            line.Append("% ");
        }

        line.Append(last.Done);
        line.Append('/');
        line.Append(last.Total);
        line.Append(" tasks");
        if (last.Running > 0 && redraw)
        {
            line.Append(", ");
            line.Append(last.Running);
            line.Append(" running");
        }

        if (last.Reused > 0)
        {
            line.Append(", ");
            line.Append(last.Reused);
            line.Append(" reused");
        }

        if (last.Failed > 0)
        {
            line.Append(", ");
            line.Append(last.Failed);
            line.Append(" failed");
        }

        return line.Length;
    }

    private static bool IsTerminal(TextWriter writer)
        => (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
}
