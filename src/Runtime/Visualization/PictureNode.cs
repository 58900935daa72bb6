namespace TaskGraph.Visualization;

/// <summary>A task as drawn: the node, its label (lines separated by <c>\n</c>), its recorded state.</summary>
internal readonly record struct PictureNode(DelayedNode Task, string Label, TaskState State);
