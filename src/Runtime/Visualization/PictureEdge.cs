namespace TaskGraph.Visualization;

/// <summary>An arrow from an input task to its consumer, by position in <see cref="GraphPicture.Nodes"/>.</summary>
internal readonly record struct PictureEdge(int From, int To);
