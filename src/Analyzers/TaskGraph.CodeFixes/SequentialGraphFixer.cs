namespace TaskGraph.CodeFixes;

/// <summary>TG1001: a computed chain becomes direct calls of its methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SequentialGraphFixer)), Shared]
public sealed class SequentialGraphFixer() : DirectCallsFixer(DiagnosticIds.SequentialGraph, "Call the methods directly");
