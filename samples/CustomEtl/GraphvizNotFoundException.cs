using System;

namespace CustomEtl;

/// <summary>An image was asked for with <c>--graph</c> and Graphviz's <c>dot</c> is not on PATH.</summary>
public sealed class GraphvizNotFoundException : Exception
{
    /// <summary>Creates the exception for the image at <paramref name="path"/>.</summary>
    public GraphvizNotFoundException(string path)
        : base($"Rendering '{path}' needs Graphviz's 'dot' on PATH, and it was not found. Install Graphviz (e.g. 'apt-get install graphviz', 'brew install graphviz', 'winget install graphviz'), or ask for a .dot or .mmd file instead.")
    {
    }
}
