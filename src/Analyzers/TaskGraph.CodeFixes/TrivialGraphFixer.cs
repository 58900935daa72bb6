namespace TaskGraph.CodeFixes;

/// <summary>TG1002: a computed graph too small to pay for scheduling becomes direct calls of its methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrivialGraphFixer)), Shared]
public sealed class TrivialGraphFixer() : DirectCallsFixer(DiagnosticIds.TrivialGraph, "Call the methods directly, without scheduling");
