using System;
using System.Collections.Generic;
using TaskGraph;

namespace CustomEtl;

/// <summary>The longest chain of measured task durations through a graph: no scheduler can finish it sooner.</summary>
public static class CriticalPath
{
    /// <summary>The sum of durations along the longest dependency chain ending at <paramref name="target"/>.</summary>
    public static TimeSpan Of(DelayedNode target, Func<DelayedNode, TimeSpan> durationOf)
    {
        // Iterative post-order walk: a long chain must not overflow the stack.
        var finish = new Dictionary<DelayedNode, TimeSpan>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(DelayedNode Node, bool DependenciesDone)>();
        stack.Push((target, false));
        while (stack.Count > 0)
        {
            var (node, dependenciesDone) = stack.Pop();
            if (finish.ContainsKey(node))
            {
                continue;
            }

            if (!dependenciesDone)
            {
                stack.Push((node, true));
                foreach (DelayedNode dependency in node.Dependencies)
                {
                    if (!finish.ContainsKey(dependency))
                    {
                        stack.Push((dependency, false));
                    }
                }

                continue;
            }

            TimeSpan longestInput = TimeSpan.Zero;
            foreach (DelayedNode dependency in node.Dependencies)
            {
                TimeSpan candidate = finish[dependency];
                longestInput = candidate > longestInput ? candidate : longestInput;
            }

            finish[node] = longestInput + durationOf(node);
        }

        return finish[target];
    }
}
