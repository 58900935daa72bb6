namespace TaskGraph.Generator.Model;

/// <summary>A type parameter of a <c>[Delayed]</c> method, carried to the wrapper.</summary>
/// <param name="Name">The name, keywords escaped.</param>
/// <param name="Constraints">The constraint list after <c>where T :</c>, or empty when unconstrained.</param>
internal sealed record TypeParameterSpec(string Name, string Constraints);
