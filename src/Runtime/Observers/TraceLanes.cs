using System;
using System.Collections.Generic;

namespace TaskGraph.Diagnostics;

/// <summary>
/// Rows for a Chrome trace in which no two spans of a row overlap: trace viewers draw complete events of
/// one thread as a stack and misdraw spans that overlap without nesting, which asynchronous tasks do (they
/// are drawn on the thread that started them and stay open while it runs other tasks).
/// </summary>
/// <remarks>
/// Per thread, spans in order of start take the first of that thread's lanes that is free by then, or a new
/// one; lane 0 is the thread itself. Rows are numbered thread by thread, lanes in order, so a thread's lanes
/// sit together in the viewer.
/// </remarks>
internal sealed class TraceLanes
{
    private TraceLanes(int[] rowOf, List<(int ThreadId, int Lane)> rows)
    {
        RowOf = rowOf;
        Rows = rows;
    }

    /// <summary>The row of each span, by its position in the array given to <see cref="Of"/>.</summary>
    internal int[] RowOf { get; }

    /// <summary>Each row's thread and lane, by row number.</summary>
    internal List<(int ThreadId, int Lane)> Rows { get; }

    internal static TraceLanes Of(TraceSpan[] spans)
    {
        int[] order = new int[spans.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => spans[a].ThreadId != spans[b].ThreadId ? spans[a].ThreadId.CompareTo(spans[b].ThreadId) : spans[a].Start.CompareTo(spans[b].Start));

        var laneOf = new int[spans.Length];
        var laneEnds = new List<long>();
        var lanesPerThread = new SortedDictionary<int, int>();
        for (int k = 0; k < order.Length; k++)
        {
            TraceSpan span = spans[order[k]];
            if (k == 0 || spans[order[k - 1]].ThreadId != span.ThreadId)
            {
                laneEnds.Clear();
            }

            int lane = laneEnds.FindIndex(end => end <= span.Start);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(span.End);
            }

            laneEnds[lane] = span.End;
            laneOf[order[k]] = lane;
            lanesPerThread[span.ThreadId] = Math.Max(lanesPerThread.GetValueOrDefault(span.ThreadId), lane + 1);
        }

        var rows = new List<(int ThreadId, int Lane)>();
        var firstRow = new Dictionary<int, int>();
        foreach (var (threadId, lanes) in lanesPerThread)
        {
            firstRow[threadId] = rows.Count;
            for (int lane = 0; lane < lanes; lane++)
            {
                rows.Add((threadId, lane));
            }
        }

        var rowOf = new int[spans.Length];
        for (int i = 0; i < spans.Length; i++)
        {
            rowOf[i] = firstRow[spans[i].ThreadId] + laneOf[i];
        }

        return new TraceLanes(rowOf, rows);
    }
}
