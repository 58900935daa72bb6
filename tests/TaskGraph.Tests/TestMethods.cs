using System.Linq;

namespace TaskGraph.Tests;

/// <summary>Descriptors as the generator writes them, for methods declared in the tests.</summary>
internal static class TestMethods
{
    internal static DelayedMethod Describe(string name, int parameterCount, bool pure = false, bool blocking = false, DelayedResultKind resultKind = DelayedResultKind.Value)
        => new($"M:TaskGraph.Tests.{name}", name, "TaskGraph.Tests")
        {
            ParameterNames = Enumerable.Range(0, parameterCount).Select(i => "p" + i).ToArray(),
            ResultKind = resultKind,
            Pure = pure,
            Blocking = blocking,
        };
}
