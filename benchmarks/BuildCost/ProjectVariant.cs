namespace BuildCost;

/// <summary>The builds of the same 1,000 methods that the build-time comparison times.</summary>
internal enum ProjectVariant
{
    /// <summary>No TaskGraph: <c>[Delayed]</c> is a local attribute nothing reads, and pipelines call the methods directly.</summary>
    WithoutTaskGraph,

    /// <summary>
    /// The runtime, and the generator's output checked in as plain source files, with no generator: what
    /// compiling the generated code costs, apart from running the generator.
    /// </summary>
    GeneratedCodeAsSource,

    /// <summary>The runtime and the generator: wrappers are generated and pipelines build and compute graphs.</summary>
    RuntimeAndGenerator,

    /// <summary>As a user gets it from the package: runtime, generator, analyzers and code fixes.</summary>
    FullTaskGraph,
}
