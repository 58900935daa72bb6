using System;
using System.Linq;

namespace TaskGraph.Dashboard;

/// <summary>Adds a <see cref="TaskGraphDashboard"/> to a compute's options.</summary>
public static class DashboardComputeOptions
{
    /// <summary>The same options with <paramref name="dashboard"/> among the observers, after those already there.</summary>
    /// <param name="options">The compute's options.</param>
    /// <param name="dashboard">The running dashboard that shows the compute.</param>
    /// <returns>New options; <paramref name="options"/> is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ComputeOptions WithDashboard(this ComputeOptions options, TaskGraphDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dashboard);
        return options with { Observers = options.Observers.Append(dashboard).ToArray() };
    }
}
