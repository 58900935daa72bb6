namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    internal static partial class Parser
    {
        /// <summary>
        /// A checkpointed method's parameters and result are kept in a result store (TG0012 when one cannot be):
        /// the rule is the one the store and the Orleans executor apply at run time (<see cref="RefusedTypes"/>).
        /// </summary>
        private static void CheckCheckpoint(IMethodSymbol method, OptionsSpec options, Action<DiagnosticDescriptor, string[]> report)
        {
            if (!options.Checkpoint)
            {
                return;
            }

            foreach (var refused in RefusedTypes(method))
            {
                report(DiagnosticDescriptors.CheckpointTypeNotStorable, [refused.What, refused.Type, refused.Reason]);
            }
        }
    }
}
