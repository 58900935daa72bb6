using System;
using System.Net;

namespace TaskGraph.Dashboard;

/// <summary>Where a <see cref="TaskGraphDashboard"/> listens and how often it pushes updates.</summary>
public sealed record DashboardOptions
{
    /// <summary>The port Dask's dashboard uses, and the default here: 8787.</summary>
    public const int DefaultPort = 8787;

    /// <summary>
    /// The TCP port; 0 lets the system pick a free one (read it back from <see cref="TaskGraphDashboard.Address"/>).
    /// Default: <see cref="DefaultPort"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 65535.</exception>
    public int Port
    {
        get => port;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, IPEndPoint.MaxPort);
            port = value;
        }
    }

    private readonly int port = DefaultPort;

    /// <summary>
    /// The address to bind. Default: <see cref="IPAddress.Loopback"/>, so only this machine sees the page;
    /// anything else (<see cref="IPAddress.Any"/> for every interface) shows the compute's task names and
    /// errors to the network and must be chosen on purpose.
    /// </summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// How often the page gets what happened since the last update, in one message per browser. Default: 200 ms.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is shorter than 10 ms or longer than 10 s.</exception>
    public TimeSpan UpdateInterval
    {
        get => updateInterval;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(10));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromSeconds(10));
            updateInterval = value;
        }
    }

    private readonly TimeSpan updateInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The largest graph drawn on the page (tasks); bigger computes show progress and the task stream only.
    /// Default: 1,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxDrawnTasks
    {
        get => maxDrawnTasks;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            maxDrawnTasks = value;
        }
    }

    private readonly int maxDrawnTasks = 1_000;

    /// <summary>The most recent task spans kept per compute for the task stream (older ones are still counted). Default: 20,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxKeptSpans
    {
        get => maxKeptSpans;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            maxKeptSpans = value;
        }
    }

    private readonly int maxKeptSpans = 20_000;

    /// <summary>
    /// In a compute too big to draw (<see cref="MaxDrawnTasks"/>), the least time between two tasks of one worker that
    /// the task stream shows (<see cref="IComputeObserver.SampleSpacing"/>): tasks that come faster are shown one in so
    /// many (at most one in 1,024) and counted by the workers, so that the dashboard takes no callback and no clock read
    /// for each of them (together more than a trivial task costs the runtime). The counts stay exact.
    /// <see cref="TimeSpan.Zero"/> shows every task. Default: 10 µs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than 1 s.</exception>
    public TimeSpan SampleSpacing
    {
        get => sampleSpacing;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromSeconds(1));
            sampleSpacing = value;
        }
    }

    private readonly TimeSpan sampleSpacing = TimeSpan.FromMicroseconds(10);
}
