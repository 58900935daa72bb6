namespace TaskGraph.Dashboard;

/// <summary>One row of the progress table: the tasks of one method in one compute, by state.</summary>
internal sealed class MethodProgress
{
    internal MethodProgress(string name) => Name = name;

    /// <summary>The method's name; <c>All</c> for collections.</summary>
    internal string Name { get; }

    internal int Total { get; set; }

    /// <summary>Finished tasks, reused ones included.</summary>
    internal int Done { get; set; }

    internal int Running { get; set; }

    internal int Failed { get; set; }

    /// <summary>Of <see cref="Done"/>, tasks whose stored result was reused.</summary>
    internal int Reused { get; set; }

    /// <summary>Tasks not started yet (or waiting for a retry).</summary>
    internal int Waiting => System.Math.Max(0, Total - Done - Running - Failed);
}
