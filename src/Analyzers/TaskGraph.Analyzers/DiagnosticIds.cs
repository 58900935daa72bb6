namespace TaskGraph.Analyzers;

/// <summary>The ids of TaskGraph's diagnostics, shared by the analyzers and the code fixes.</summary>
public static class DiagnosticIds
{
    /// <summary>A <c>[Delayed]</c> method's containing types are not all partial, so it gets no wrapper.</summary>
    public const string ContainingTypeMustBePartial = "TG0001";

    /// <summary>The generator's "the lazy wrapper's name is already taken" diagnostic, fixed by naming the wrapper.</summary>
    public const string WrapperNameTaken = "TG0005";

    /// <summary>The computed graph is a chain: plain calls are faster.</summary>
    public const string SequentialGraph = "TG1001";

    /// <summary>The computed graph is small and every task trivially cheap: scheduling costs more than the work.</summary>
    public const string TrivialGraph = "TG1002";

    /// <summary>A compute inside a loop on handles built in that loop.</summary>
    public const string ComputeInLoop = "TG1003";

    /// <summary><c>Delayed.Value(M(...))</c> of a <c>[Delayed]</c> method: the call runs now.</summary>
    public const string DelayedValueOfCall = "TG1004";

    /// <summary>A wrapper call or a compute inside a <c>[Delayed]</c> method.</summary>
    public const string DelayedWithinDelayed = "TG1005";

    /// <summary>A <c>[Delayed]</c> method mutates a parameter.</summary>
    public const string ParameterMutation = "TG1006";

    /// <summary>A <c>[Delayed]</c> method reads or writes mutable static state.</summary>
    public const string StaticState = "TG1007";

    /// <summary>A wrapper's result is discarded and can never be computed.</summary>
    public const string DiscardedWrapperResult = "TG1008";

    /// <summary>A <c>[Delayed]</c> method blocks its thread without <c>Blocking = true</c>.</summary>
    public const string UnmarkedBlocking = "TG1009";

    /// <summary>A wrapper of a trivially cheap method called in a loop of unknown or large trip count.</summary>
    public const string TooManyTasks = "TG1010";

    private const string HelpLinkBase = "https://github.com/taskgraph/taskgraph/blob/main/docs/diagnostics/";

    /// <summary>The documentation page of diagnostic <paramref name="id"/>.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
