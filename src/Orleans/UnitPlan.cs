using System.Collections.Generic;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// Groups a submission's tasks into <see cref="ScheduledUnit"/>s. With fusion on, a task whose only task
/// argument is the output of a unit whose last task nobody else takes (and that is no target) joins that
/// unit: a chain of n such tasks costs one remote call instead of n.
/// </summary>
internal static class UnitPlan
{
    public static (ScheduledUnit[] Units, int[] UnitOfTask) Build(GraphSubmission submission)
    {
        var tasks = submission.Tasks;
        var uses = new int[tasks.Length];
        foreach (var task in tasks)
        {
            CountUses(task.Arguments, uses);
        }

        var isTarget = new bool[tasks.Length];
        foreach (var target in submission.Targets)
        {
            if (target.Task >= 0)
            {
                isTarget[target.Task] = true;
            }
        }

        var units = new List<ScheduledUnit>();
        var unitOf = new int[tasks.Length];
        for (int t = 0; t < tasks.Length; t++)
        {
            int only = OnlyTaskArgument(tasks[t].Arguments);
            if (submission.FuseChains && only >= 0 && uses[only] == 1 && !isTarget[only] && units[unitOf[only]].Output == only)
            {
                unitOf[t] = unitOf[only];
                units[unitOf[t]].Tasks.Add(t);
                continue;
            }

            var unit = new ScheduledUnit(units.Count, t);
            foreach (var argument in tasks[t].Arguments)
            {
                if (argument.Task >= 0)
                {
                    unit.Inputs.Add(unitOf[argument.Task]);
                    units[unitOf[argument.Task]].Consumers.Add(unit.Index);
                }
            }

            unitOf[t] = unit.Index;
            units.Add(unit);
        }

        foreach (var unit in units)
        {
            unit.IsTarget = isTarget[unit.Output];
        }

        return (units.ToArray(), unitOf);
    }

    private static void CountUses(WireArgument[] arguments, int[] uses)
    {
        foreach (var argument in arguments)
        {
            if (argument.Task >= 0)
            {
                uses[argument.Task]++;
            }
        }
    }

    /// <summary>The task argument when there is exactly one (the others constants); -1 otherwise.</summary>
    private static int OnlyTaskArgument(WireArgument[] arguments)
    {
        int only = -1;
        foreach (var argument in arguments)
        {
            if (argument.Task >= 0)
            {
                if (only >= 0)
                {
                    return -1;
                }

                only = argument.Task;
            }
        }

        return only;
    }
}
