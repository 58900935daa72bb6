namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    internal static partial class Parser
    {
        /// <summary>
        /// Why a <c>[Delayed]</c> method would fail on a cluster, one TG0013 per cause, reported by the generator only
        /// when the assembly sets <c>TaskGraphDistributed</c>: a parameter or the result that cannot travel
        /// (<see cref="RefusedTypes"/>), or an instance method, which a cluster never runs because its instance does
        /// not travel (docs/distributed.md). A step apart from <see cref="Parse"/>, so that the warnings' positions do
        /// not make the wrapper's model change on every edit above a method, and turning the property on or off
        /// reparses nothing.
        /// </summary>
        /// <remarks>
        /// Only methods that get a wrapper are checked: an error (TG0004 for a ref struct or pointer, TG0012 for a
        /// checkpointed method's type) already says what is wrong, and one cause gets one diagnostic.
        /// </remarks>
        public static EquatableArray<DiagnosticInfo> TravelWarnings(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            try
            {
                if (context.TargetSymbol is not IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction, ContainingType: { } containingType } method)
                {
                    return EquatableArray<DiagnosticInfo>.Empty;
                }

                var options = OptionsSpec.From(context.Attributes[0]);
                if (WrappableParameters(method, options) is null || (options.Checkpoint && RefusedTypes(method).Any()))
                {
                    return EquatableArray<DiagnosticInfo>.Empty;
                }

                var reasons = RefusedTypes(method).Select(refused => $"{refused.What} has type '{refused.Type}', which {refused.Reason}").ToList();
                if (!method.IsStatic)
                {
                    string instance = containingType.ToDisplayString();
                    reasons.Add(StorableTypes.RefusalReason<ITypeSymbol>(containingType, RoslynTypeFacts.Instance) is { } reason
                        ? $"it is an instance method of '{instance}', which {reason}; only static methods run on a cluster"
                        : $"it is an instance method of '{instance}'; only static methods run on a cluster, their instance does not travel");
                }

                var location = LocationInfo.From(method.Locations.FirstOrDefault());
                return reasons.Select(reason => DiagnosticInfo.Create(DiagnosticDescriptors.TypeCannotTravel, location, method.Name, reason)).ToEquatableArray();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Parse reports the same failure as TG0099 for the method; a warning is not worth a second report.
                return EquatableArray<DiagnosticInfo>.Empty;
            }
        }
    }
}
