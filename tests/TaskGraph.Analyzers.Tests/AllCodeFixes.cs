using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using TaskGraph.CodeFixes;

namespace TaskGraph.Analyzers.Tests;

/// <summary>Every code fix provider of TaskGraph.CodeFixes, found by reflection so that a new fixer cannot be left out of the suite-wide tests.</summary>
internal static class AllCodeFixes
{
    public static ImmutableArray<CodeFixProvider> Create()
        => typeof(TaskGraphCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
