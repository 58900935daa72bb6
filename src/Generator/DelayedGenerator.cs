using Microsoft.CodeAnalysis;

namespace TaskGraph.Generator;

/// <summary>Writes a lazy wrapper and a descriptor for every <c>[Delayed]</c> method.</summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class DelayedGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Filled in by the generator work (Parser -> model -> Emitter).
    }
}
