using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1001: a computed chain becomes direct calls of its methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SequentialGraphFixer)), Shared]
public sealed class SequentialGraphFixer : DirectCallsFixer
{
    /// <summary>The fixer, as the IDE's light bulb and Fix All use it.</summary>
    public SequentialGraphFixer()
        : base(DiagnosticIds.SequentialGraph, "Call the methods directly")
    {
    }
}
