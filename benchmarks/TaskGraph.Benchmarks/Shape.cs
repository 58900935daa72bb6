namespace TaskGraph.Benchmarks;

/// <summary>The graphs measured, each with <c>N</c> units of trivial work.</summary>
public enum Shape
{
    /// <summary>N independent steps feeding one sum.</summary>
    Wide,

    /// <summary>N leaf steps reduced pairwise (2N - 1 steps and additions).</summary>
    Tree,

    /// <summary>N steps, each taking the previous one's result.</summary>
    Chain,
}
