namespace TaskGraph.Generator.Model;

/// <summary>What the parser made of one <c>[Delayed]</c> method: a model to emit, or the diagnostics that explain why not.</summary>
internal sealed record ParseResult(MethodSpec? Method, EquatableArray<DiagnosticInfo> Diagnostics);
