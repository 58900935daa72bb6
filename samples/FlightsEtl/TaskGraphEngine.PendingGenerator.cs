using System;
using System.Threading;
using System.Threading.Tasks;

namespace FlightsEtl;

/// <summary>TEMPORARY placeholder while the TaskGraph generator has not landed: the real engine is TaskGraphEngine.cs, kept out of the build.</summary>
public static class TaskGraphEngine
{
    /// <summary>The engine's name in reports.</summary>
    public const string Name = "TaskGraph";

    /// <summary>Refuses to run: the generated wrappers the graph is built from do not exist yet.</summary>
    public static Task<PipelineRun> RunAsync(PipelineInputs inputs, IJobProgress progress, CancellationToken cancellationToken)
        => throw new NotSupportedException("The TaskGraph generator has not landed in this branch yet (see TaskGraphEngine.cs).");
}
