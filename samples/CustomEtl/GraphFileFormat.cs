namespace CustomEtl;

/// <summary>What <c>--graph</c> writes.</summary>
public enum GraphFileFormat
{
    /// <summary>Graphviz DOT source.</summary>
    Dot,

    /// <summary>A Mermaid flowchart.</summary>
    Mermaid,

    /// <summary>An SVG image rendered by Graphviz.</summary>
    Svg,

    /// <summary>A PNG image rendered by Graphviz.</summary>
    Png,

    /// <summary>A PDF rendered by Graphviz.</summary>
    Pdf,
}
