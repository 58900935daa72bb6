namespace TaskGraph.Analyzers.Graph;

/// <summary>
/// The graph one compute call runs, as far as the code makes it statically visible.
/// <see cref="IsComplete"/> is false where part of it is hidden (a handle from a parameter, a field or
/// an unknown method; a handle that escapes; a loop of unknown trip count; a call in a lambda or a
/// branch): rules that judge the whole graph then stay quiet.
/// </summary>
internal sealed class StaticGraph
{
    public StaticGraph(ImmutableArray<TaskNode> calls, bool isComplete)
    {
        Calls = calls;
        IsComplete = isComplete;
    }

    /// <summary>The wrapper calls seen, each standing for <see cref="TaskNode.Multiplicity"/> tasks.</summary>
    public ImmutableArray<TaskNode> Calls { get; }

    /// <summary>Whether every task of the compute is among <see cref="Calls"/> with its exact count and dependencies.</summary>
    public bool IsComplete { get; }

    /// <summary>The number of tasks.</summary>
    public long TaskCount
    {
        get
        {
            long count = 0;
            foreach (var call in Calls)
            {
                count += call.Multiplicity;
            }

            return count;
        }
    }

    /// <summary>
    /// Whether no two tasks can ever run at the same time: the dependencies order all tasks in one
    /// line (a topological sort never has two tasks ready at once).
    /// </summary>
    public bool IsChain()
    {
        var waiting = new Dictionary<TaskNode, int>();
        var consumers = new Dictionary<TaskNode, List<TaskNode>>();
        var ready = new Stack<TaskNode>();
        foreach (var call in Calls)
        {
            if (call.Multiplicity > 1)
            {
                return false;
            }

            waiting[call] = call.Dependencies.Count;
            foreach (var dependency in call.Dependencies)
            {
                if (!consumers.TryGetValue(dependency, out var list))
                {
                    consumers[dependency] = list = new List<TaskNode>();
                }

                list.Add(call);
            }

            if (call.Dependencies.Count == 0 && call.Multiplicity == 1)
            {
                ready.Push(call);
            }
        }

        while (ready.Count > 0)
        {
            if (ready.Count > 1)
            {
                return false;
            }

            var done = ready.Pop();
            if (!consumers.TryGetValue(done, out var next))
            {
                continue;
            }

            foreach (var consumer in next)
            {
                if (--waiting[consumer] == 0)
                {
                    ready.Push(consumer);
                }
            }
        }

        return true;
    }
}
