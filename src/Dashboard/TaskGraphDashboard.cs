using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TaskGraph.Dashboard;

/// <summary>
/// A live web page of the computes it observes (Dask's dashboard): progress per method (done, running,
/// waiting, failed, reused), a task stream with one lane per worker thread (per silo and thread under the
/// Orleans executor), the graph with each task's state, and the failing task's error. Served by ASP.NET Core's
/// Kestrel on loopback by default, updated through Server-Sent Events in batches, one message per
/// <see cref="DashboardOptions.UpdateInterval"/>.
/// </summary>
/// <remarks>
/// Start one with <see cref="StartAsync"/>, add it to <see cref="ComputeOptions.Observers"/> (or call
/// <see cref="DashboardComputeOptions.WithDashboard"/>) for as many computes as you like, and dispose it to stop
/// the server. The callbacks only record what they saw, each thread in a log of its own (<see cref="EventLog"/>);
/// counting, matching starts with ends and writing to browsers happen on the dashboard's own loop, so a compute
/// pays one unshared write per event. In a compute too big to draw, the dashboard asks to hear of tasks
/// <see cref="DashboardOptions.SampleSpacing"/> apart (<see cref="IComputeObserver.SampleSpacing"/>): the workers tell it of
/// one fast task in so many and count the rest for it, so the counts stay exact and the task stream shows a sample.
/// </remarks>
public sealed class TaskGraphDashboard : IComputeObserver, IAsyncDisposable
{
    private readonly EventLog events = new();
    private readonly object gate = new();
    private readonly DashboardState state;
    private readonly EventStreamClients clients = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Action<DashboardEvent> apply;
    private readonly int maxDrawnTasks;
    private readonly TimeSpan sampleSpacing;
    private WebApplication? server;
    private Task pushing = Task.CompletedTask;
    private int disposed;

    private TaskGraphDashboard(DashboardOptions options)
    {
        state = new DashboardState(options);
        maxDrawnTasks = options.MaxDrawnTasks;
        sampleSpacing = options.SampleSpacing;
        apply = happened => state.Apply(happened);
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:8787/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the server and the push loop.</summary>
    /// <param name="options">Port, bind address and update interval; <see langword="null"/> for the defaults (loopback, port 8787).</param>
    /// <param name="cancellationToken">Stops waiting for the server to start.</param>
    /// <returns>The running dashboard.</returns>
    /// <exception cref="IOException">The port is taken, or the address cannot be bound; the message says which.</exception>
    public static async Task<TaskGraphDashboard> StartAsync(DashboardOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DashboardOptions();
        var dashboard = new TaskGraphDashboard(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.BindAddress, options.Port));
        WebApplication server = builder.Build();
        server.Run(dashboard.ServeAsync);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"The dashboard cannot listen on {options.BindAddress}:{options.Port}: {error.Message} Choose another port (DashboardOptions.Port; 0 picks a free one).", error);
        }

        dashboard.server = server;
        dashboard.Address = AddressOf(server, options.BindAddress);
        dashboard.pushing = dashboard.PushAsync(options.UpdateInterval);
        return dashboard;
    }

    /// <summary>The current state of every compute shown, as the page's JSON (what <c>/state</c> serves).</summary>
    public string StateJson()
    {
        lock (gate)
        {
            Drain();
            return state.Json();
        }
    }

    /// <summary>Stops the server (ending every page's event stream after a last update) and the push loop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await pushing.ConfigureAwait(false);
        lock (gate)
        {
            clients.EndAll();
        }

        if (server is not null)
        {
            await server.StopAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    // A drawn compute's picture shows each task; a bigger one's stream is a sample, its counts exact all the same.
    TimeSpan IComputeObserver.SampleSpacing(ComputeInfo compute) => ComputeGraph.Draws(compute, maxDrawnTasks) ? TimeSpan.Zero : sampleSpacing;

    void IComputeObserver.OnComputeStarted(ComputeInfo compute) => Queue(DashboardEventKind.ComputeStarted, compute, null);

    void IComputeObserver.OnTaskStarted(ComputeInfo compute, DelayedNode task) => Queue(DashboardEventKind.TaskStarted, compute, task);

    void IComputeObserver.OnTaskCompleted(ComputeInfo compute, DelayedNode task) => Queue(DashboardEventKind.TaskCompleted, compute, task);

    void IComputeObserver.OnTasksCompleted(ComputeInfo compute, DelayedMethod? method, int count)
        => Queue(new DashboardEvent(DashboardEventKind.TasksCounted, compute, null, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId, Method: method, Count: count));

    void IComputeObserver.OnTaskReused(ComputeInfo compute, DelayedNode task) => Queue(DashboardEventKind.TaskReused, compute, task);

    void IComputeObserver.OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay)
        => Queue(DashboardEventKind.TaskRetrying, compute, task, exception);

    void IComputeObserver.OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => Queue(DashboardEventKind.TaskFailed, compute, task, exception);

    void IComputeObserver.OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception)
        => Queue(new DashboardEvent(DashboardEventKind.ComputeFinished, compute, null, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId, null, exception, status));

    private void Queue(DashboardEventKind kind, ComputeInfo compute, DelayedNode? task, Exception? error = null)
        => Queue(new DashboardEvent(kind, compute, task, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId, TaskWorker.Current, error));

    // A stopped dashboard drops what computes still tell it: nobody would read it.
    private void Queue(in DashboardEvent happened)
    {
        if (Volatile.Read(ref disposed) == 0)
        {
            events.Add(happened);
        }
    }

    private static Uri AddressOf(WebApplication server, IPAddress bound)
    {
        int port = new Uri(server.Urls.Count > 0 ? System.Linq.Enumerable.First(server.Urls) : "http://localhost").Port;
        string host = bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) ? Dns.GetHostName()
            : bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound}]" : bound.ToString();
        return new Uri($"http://{host}:{port}/");
    }

    private async Task PushAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                Push();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last update below still goes out.
        }

        Push();
    }

    private void Push()
    {
        lock (gate)
        {
            PushLocked();
        }
    }

    private void PushLocked()
    {
        Drain();
        if (!clients.Any)
        {
            // Nobody to write to (a page that connects gets a snapshot): the changes are forgotten unwritten.
            state.ForgetChanges();
        }
        else if (state.TakeUpdate() is { } update)
        {
            clients.Broadcast(update);
        }
    }

    // Under the lock: what the callbacks recorded becomes state.
    private void Drain() => events.Drain(apply);

    private Task ServeAsync(HttpContext context)
        => context.Request.Path.Value switch
        {
            "/" or "/index.html" => DashboardPage.WriteAsync(context.Response, context.RequestAborted),
            "/events" => StreamAsync(context),
            "/state" => WriteStateAsync(context),
            _ => NotFound(context.Response),
        };

    private Task WriteStateAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(StateJson(), context.RequestAborted);
    }

    private static Task NotFound(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task StreamAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        ChannelReader<string> messages;
        lock (gate)
        {
            if (disposed != 0)
            {
                return;
            }

            // Pushed under the same lock as the updates, so the snapshot and the updates after it never overlap.
            PushLocked();
            messages = clients.Join(state.Snapshot());
        }

        try
        {
            while (await messages.WaitToReadAsync(context.RequestAborted).ConfigureAwait(false))
            {
                while (messages.TryRead(out string? message))
                {
                    await response.WriteAsync(message, context.RequestAborted).ConfigureAwait(false);
                }

                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            lock (gate)
            {
                clients.Leave(messages);
            }
        }
    }
}
