using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace FlightsEtl;

/// <summary>Progress as plain lines (output redirected to a file or pipe): a line when a stage starts, at each quarter (100% included), and when it ends.</summary>
public sealed class PlainTextProgress(TextWriter output) : IJobProgress
{
    private readonly Lock writeLock = new();

    /// <inheritdoc/>
    public IStageProgress StartStage(string name, long total)
    {
        Write($"{name}: started ({total:N0})");
        return new Stage(this, name, total);
    }

    private void Write(string line)
    {
        lock (writeLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private sealed class Stage(PlainTextProgress owner, string name, long total) : IStageProgress
    {
        private readonly long started = Stopwatch.GetTimestamp();
        private long done;
        private int quartersShown;
        private int completed;

        public void Advance(long amount)
        {
            long now = Interlocked.Add(ref done, amount);
            int quarter = total <= 0 ? 0 : (int)Math.Min(4, now * 4 / total);
            int shown = Volatile.Read(ref quartersShown);
            if (quarter > shown && Interlocked.CompareExchange(ref quartersShown, quarter, shown) == shown)
            {
                owner.Write($"{name}: {quarter * 25}% ({now:N0}/{total:N0})");
            }
        }

        public void Complete()
        {
            if (Interlocked.Exchange(ref completed, 1) == 0)
            {
                string seconds = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
                owner.Write($"{name}: done in {seconds} s");
            }
        }
    }
}
