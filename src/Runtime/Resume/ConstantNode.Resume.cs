using System;

namespace TaskGraph.Nodes;

internal sealed partial class ConstantNode<T>
{
    internal override Type ResultType => typeof(T);

    internal override DelayedNode StoredResult(object? value) => new ConstantNode<T>((T)value!);
}
