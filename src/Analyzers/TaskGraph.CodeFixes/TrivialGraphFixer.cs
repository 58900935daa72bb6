using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1002: a computed graph too small to pay for scheduling becomes direct calls of its methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrivialGraphFixer)), Shared]
public sealed class TrivialGraphFixer : DirectCallsFixer
{
    /// <summary>The fixer, as the IDE's light bulb and Fix All use it.</summary>
    public TrivialGraphFixer()
        : base(DiagnosticIds.TrivialGraph, "Call the methods directly, without scheduling")
    {
    }
}
