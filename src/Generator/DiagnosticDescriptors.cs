namespace TaskGraph.Generator;

/// <summary>
/// Every diagnostic the generator reports (ids TG0002-TG0099), each with a docs page. TG0001 (containing types
/// not partial) is the analyzers' <c>ContainingTypeNotPartialAnalyzer</c>, so that code fix clients reach it.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where the docs pages live; a descriptor's help link is this plus <c>TGxxxx.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/taskgraph/taskgraph/blob/main/docs/diagnostics/";

    private const string Category = "TaskGraph.Generator";

    public static readonly DiagnosticDescriptor ByRefParameter = Create(
        "TG0002",
        "A [Delayed] method cannot have ref, out or in parameters",
        "Method '{0}' cannot get a lazy wrapper: parameter '{1}' is passed by reference ({2}); a task receives computed values, not variables");

    public static readonly DiagnosticDescriptor ByRefReturn = Create(
        "TG0003",
        "A [Delayed] method cannot return by reference",
        "Method '{0}' cannot get a lazy wrapper: it returns by reference; a task's result is a value");

    public static readonly DiagnosticDescriptor RefLikeOrPointerType = Create(
        "TG0004",
        "A [Delayed] method cannot take or return ref structs or pointers",
        "Method '{0}' cannot get a lazy wrapper: {1} has type '{2}', a ref struct or pointer type, which cannot be stored in a task graph");

    public static readonly DiagnosticDescriptor NameClash = Create(
        "TG0005",
        "The lazy wrapper's name is already taken",
        "Method '{0}' cannot get a lazy wrapper: '{1}' already has a member '{2}' with the same parameters ({3}); name the wrapper with [Delayed(Name = \"...\")]");

    public static readonly DiagnosticDescriptor CheckpointTypeNotStorable = Create(
        "TG0012",
        "A checkpointed [Delayed] method must take and return storable data",
        "Method '{0}' cannot be checkpointed: {1} has type '{2}', which {3}, so it cannot be kept in a result store or sent to another process");

    public static readonly DiagnosticDescriptor TypeCannotTravel = Create(
        "TG0013",
        "A [Delayed] method of an assembly that runs on a cluster must be static and take and return data that travels",
        "Method '{0}' cannot run on a cluster: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MethodInInterface = Create(
        "TG0006",
        "A [Delayed] method cannot be declared in an interface",
        "Method '{0}' cannot get a lazy wrapper: it is declared in interface '{1}'; mark the implementing method instead");

    public static readonly DiagnosticDescriptor InstanceMethodOfRefStruct = Create(
        "TG0007",
        "A [Delayed] instance method cannot belong to a ref struct",
        "Method '{0}' cannot get a lazy wrapper: it is an instance method of ref struct '{1}', which a task cannot capture");

    public static readonly DiagnosticDescriptor UnsupportedMethod = Create(
        "TG0008",
        "This kind of method cannot be [Delayed]",
        "Method '{0}' cannot get a lazy wrapper: {1}");

    public static readonly DiagnosticDescriptor FileLocalContainingType = Create(
        "TG0009",
        "The type containing a [Delayed] method cannot be file-local",
        "Method '{0}' cannot get a lazy wrapper: its containing type '{1}' is file-local, so generated code cannot extend it");

    public static readonly DiagnosticDescriptor NegativeOption = Create(
        "TG0010",
        "A [Delayed] retry or timeout option cannot be negative",
        "Method '{0}' cannot get a lazy wrapper: [Delayed]'s {1} is {2}; it must be 0 (the compute's default) or more");

    public static readonly DiagnosticDescriptor InvalidWrapperName = Create(
        "TG0011",
        "A [Delayed] wrapper name must be an identifier",
        "Method '{0}' cannot get a lazy wrapper: [Delayed]'s Name {1} cannot name a method ({2})");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "TG0099",
        "The generator failed on a [Delayed] method",
        "Method '{0}' did not get a lazy wrapper because the TaskGraph generator failed ({1}); please report this with the method's declaration");

    /// <summary>All descriptors, for lookup by id and for the test that every help link has a page.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        ByRefParameter,
        ByRefReturn,
        RefLikeOrPointerType,
        NameClash,
        MethodInInterface,
        InstanceMethodOfRefStruct,
        UnsupportedMethod,
        FileLocalContainingType,
        NegativeOption,
        InvalidWrapperName,
        CheckpointTypeNotStorable,
        TypeCannotTravel,
        InternalError);

    public static DiagnosticDescriptor ById(string id) => All.First(d => d.Id == id);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity = DiagnosticSeverity.Error)
        => new(id, title, messageFormat, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
