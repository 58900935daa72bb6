using Microsoft.CodeAnalysis.Diagnostics;

namespace TaskGraph.Generator;

/// <summary>
/// Writes a lazy wrapper and a descriptor for every <c>[Delayed]</c> method: the parser turns each method
/// into a value-equatable model, methods are grouped per containing type, and the emitter writes one file
/// per type. Nothing downstream of the parser holds a symbol or syntax node, so edits that do not touch a
/// <c>[Delayed]</c> method leave every step cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class DelayedGenerator : IIncrementalGenerator
{
    internal const string DelayedAttributeMetadataName = "TaskGraph.DelayedAttribute";

    /// <summary>The MSBuild property (made visible to the compiler by the package's props) that opts an assembly into TG0013.</summary>
    internal const string DistributedProperty = "build_property.TaskGraphDistributed";

    /// <summary>Names of the tracked pipeline steps, for incremental tests.</summary>
    internal static class StepNames
    {
        /// <summary>One parse result per <c>[Delayed]</c> method.</summary>
        public const string Methods = "Methods";

        /// <summary>The diagnostics of methods that cannot be wrapped.</summary>
        public const string MethodDiagnostics = "MethodDiagnostics";

        /// <summary>The diagnostics of <c>[Delayed]</c> members of extension blocks.</summary>
        public const string UnseenTargetDiagnostics = "UnseenTargetDiagnostics";

        /// <summary>Whether the assembly opted into running on a cluster (the <c>TaskGraphDistributed</c> MSBuild property).</summary>
        public const string Distributed = "Distributed";

        /// <summary>The TG0013 warnings of wrapped methods, when the assembly runs on a cluster.</summary>
        public const string TravelDiagnostics = "TravelDiagnostics";

        /// <summary>Wrappable methods grouped per containing type, overloads planned.</summary>
        public const string Types = "Types";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(DelayedAttributeMetadataName, static (_, _) => true, Parser.Parse)
            .WithTrackingName(StepNames.Methods);

        var methodDiagnostics = methods
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.MethodDiagnostics);
        context.RegisterSourceOutput(methodDiagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        // Its own step: flipping the property reruns only the selection below, never a parser.
        var distributed = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => IsDistributed(options.GlobalOptions))
            .WithTrackingName(StepNames.Distributed);
        var travelDiagnostics = context.SyntaxProvider
            .ForAttributeWithMetadataName(DelayedAttributeMetadataName, static (_, _) => true, Parser.TravelWarnings)
            .Combine(distributed)
            .SelectMany(static (pair, _) => pair.Right ? pair.Left : EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(StepNames.TravelDiagnostics);
        context.RegisterSourceOutput(travelDiagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var unseenTargetDiagnostics = context.SyntaxProvider
            .CreateSyntaxProvider(UnseenTargets.IsCandidate, UnseenTargets.Check)
            .Where(static diagnostic => diagnostic is not null)
            .WithTrackingName(StepNames.UnseenTargetDiagnostics);
        context.RegisterSourceOutput(unseenTargetDiagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic!.ToDiagnostic()));

        var types = methods
            .Where(static result => result.Method is not null)
            .Select(static (result, _) => result.Method!)
            .Collect()
            .SelectMany(static (all, cancellationToken) => GroupByType(all, cancellationToken))
            .WithTrackingName(StepNames.Types);
        context.RegisterSourceOutput(types, static (output, type) => Emitter.Emit(output, type));
    }

    /// <summary><c>&lt;TaskGraphDistributed&gt;true&lt;/TaskGraphDistributed&gt;</c>, in any case; absent or anything else is off.</summary>
    internal static bool IsDistributed(AnalyzerConfigOptions options)
        => options.TryGetValue(DistributedProperty, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Groups methods per containing type, names each type's file, and plans each wrapper's overloads: an alternative overload whose
    /// signature is already taken (by a member or an earlier overload) is left out. Clashes of core overloads
    /// were reported by the parser; the check here only keeps such a case from ever emitting a duplicate.
    /// </summary>
    internal static ImmutableArray<TypeSpec> GroupByType(ImmutableArray<MethodSpec> methods, CancellationToken cancellationToken)
    {
        var types = ImmutableArray.CreateBuilder<TypeSpec>();
        // File systems compare names case-insensitively, and so does AddSource: Ns.IO.Steps and Ns.Io.Steps need two names.
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in methods.GroupBy(m => m.Hierarchy.HintName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hierarchy = group.First().Hierarchy;
            var taken = new HashSet<string>(group.SelectMany(m => m.ExistingSignatures));
            var kept = group.Where(method => taken.Add(WrapperSignatures.Key(method, WrapperSignatures.Core(method)))).ToList();

            var wrapped = new List<WrappedMethodSpec>();
            foreach (var method in kept)
            {
                var overloads = WrapperSignatures.Overloads(method)
                    .Select((overload, i) => (overload, i))
                    .Where(o => o.i == 0 || taken.Add(WrapperSignatures.Key(method, o.overload)))
                    .Select(o => o.overload);
                wrapped.Add(new WrappedMethodSpec(method, overloads.ToEquatableArray()));
            }

            types.Add(new TypeSpec(Emitter.UniqueName(hierarchy.HintName, hintNames), hierarchy, DescriptorTable(group.SelectMany(m => m.ReservedNames)), wrapped.ToEquatableArray()));
        }

        return types.ToImmutable();
    }

    /// <summary><c>__Methods</c>, with underscores added while a member of the type already has the name.</summary>
    private static string DescriptorTable(IEnumerable<string> reservedNames)
        => Emitter.UniqueName("__Methods", new HashSet<string>(reservedNames));
}
