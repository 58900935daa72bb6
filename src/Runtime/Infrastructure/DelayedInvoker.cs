using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph.Infrastructure;

/// <summary>Calls a synchronous <c>[Delayed]</c> method with computed arguments. Written by the generator as a static lambda.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate TResult DelayedInvoker<TResult>(DelayedArguments arguments, CancellationToken cancellationToken);

/// <summary>Calls an asynchronous <c>[Delayed]</c> method with computed arguments. Written by the generator as a static lambda.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate ValueTask<TResult> AsyncDelayedInvoker<TResult>(DelayedArguments arguments, CancellationToken cancellationToken);
