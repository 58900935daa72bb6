using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph.Dashboard.Tests;

/// <summary>Helpers shared by the dashboard's tests: a dashboard on a free port, its state, a held compute.</summary>
internal static class DashboardRun
{
    /// <summary>A dashboard on a free loopback port that pushes every 50 ms, with the rest of <paramref name="options"/>.</summary>
    internal static Task<TaskGraphDashboard> StartAsync(DashboardOptions? options = null)
        => TaskGraphDashboard.StartAsync((options ?? new DashboardOptions()) with { Port = 0, UpdateInterval = TimeSpan.FromMilliseconds(50) });

    /// <summary>The dashboard's <c>/state</c>, fetched over HTTP.</summary>
    internal static async Task<JsonElement> StateAsync(TaskGraphDashboard dashboard)
    {
        using var http = new HttpClient();
        return JsonDocument.Parse(await http.GetStringAsync(new Uri(dashboard.Address, "state"))).RootElement;
    }

    /// <summary>The newest compute of a state; <see langword="null"/> before the first.</summary>
    internal static JsonElement? Newest(JsonElement state)
    {
        JsonElement computes = state.GetProperty("computes");
        return computes.GetArrayLength() == 0 ? null : computes[computes.GetArrayLength() - 1];
    }

    /// <summary>Starts <see cref="HeldGraph"/> named <paramref name="prefix"/> with its gate closed and waits until every task but the combine is done.</summary>
    internal static async Task<Task<int>> StartHeldAsync(TaskGraphDashboard dashboard, string prefix)
    {
        Delayed<int> graph = HeldGraph.Build(prefix);
        Task<int> compute = Task.Run(() => graph.Compute(ComputeOptions.Default.WithDashboard(dashboard)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await IsHeldAsync(dashboard))
        {
            await Task.Delay(20, timeout.Token);
        }

        return compute;
    }

    private static async Task<bool> IsHeldAsync(TaskGraphDashboard dashboard)
        => Newest(await StateAsync(dashboard)) is { } compute
            && compute.GetProperty("done").GetInt32() == HeldGraph.TaskCount - 1
            && compute.GetProperty("running").GetInt32() == 1;
}
