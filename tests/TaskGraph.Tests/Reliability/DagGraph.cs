using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Builds a <see cref="RandomDag"/> as task nodes, the way generated wrappers do (<see cref="DelayedCall"/>
/// with a descriptor and an invoker that captures state). Every task records its start and end and may
/// throw an injected fault.
/// </summary>
internal static class DagGraph
{
    private static readonly ConcurrentDictionary<(DagNodeKind Kind, int Arity, int Retries), DelayedMethod> Methods = new();

    /// <summary>The nodes of <paramref name="dag"/>, index for index.</summary>
    /// <param name="dag">The structure.</param>
    /// <param name="recorder">Records every task's start and end.</param>
    /// <param name="faults">Makes chosen nodes fail; <see langword="null"/> for none.</param>
    /// <param name="retries">The nodes built with <c>[Delayed(Retries = n)]</c>, and their n; <see langword="null"/> for none.</param>
    public static Delayed<ulong>[] Build(RandomDag dag, TaskRecorder recorder, FaultInjector? faults = null, Func<int, int>? retries = null)
    {
        var nodes = new Delayed<ulong>[dag.Count];
        for (int i = 0; i < dag.Count; i++)
        {
            DagInput[] inputs = dag.Inputs[i];
            var arguments = new DelayedNode?[inputs.Length];
            for (int k = 0; k < inputs.Length; k++)
            {
                arguments[k] = inputs[k] switch
                {
                    { IsNode: true } input => nodes[input.Node],
                    { IsNull: true } => null,
                    var constant => Delayed.Value(constant.Constant),
                };
            }

            int node = i;
            int arity = inputs.Length;
            ulong salt = dag.Salts[i];
            DagNodeKind kind = dag.Kinds[i];
            DelayedMethod method = Methods.GetOrAdd((kind, inputs.Length, retries?.Invoke(i) ?? 0), Describe);
            nodes[i] = kind switch
            {
                DagNodeKind.AsyncCompleted => DelayedCall.CreateAsync(method, (args, ct) => new ValueTask<ulong>(Run(node, salt, arity, args, ct, recorder, faults)), arguments),
                DagNodeKind.AsyncYielding => DelayedCall.CreateAsync(method, (args, ct) => RunYielding(node, salt, arity, args, ct, recorder, faults), arguments),
                _ => DelayedCall.Create(method, (args, ct) => Run(node, salt, arity, args, ct, recorder, faults), arguments),
            };
        }

        return nodes;
    }

    private static DelayedMethod Describe((DagNodeKind Kind, int Arity, int Retries) shape)
    {
        var names = new string[shape.Arity];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "input" + i;
        }

        string name = "Dag" + shape.Kind;
        return new DelayedMethod($"M:TaskGraph.Tests.Reliability.{name}`{shape.Arity}", name, "TaskGraph.Tests.Reliability")
        {
            ParameterNames = names,
            ResultKind = shape.Kind is DagNodeKind.AsyncCompleted or DagNodeKind.AsyncYielding ? DelayedResultKind.ValueTaskOfResult : DelayedResultKind.Value,
            Blocking = shape.Kind == DagNodeKind.Blocking,
            Retries = shape.Retries,
        };
    }

    private static ulong Run(int node, ulong salt, int arity, DelayedArguments args, CancellationToken ct, TaskRecorder recorder, FaultInjector? faults)
    {
        recorder.Enter(node);
        try
        {
            faults?.MaybeThrow(node, ct);
            return Compute(salt, arity, args);
        }
        finally
        {
            recorder.Leave(node);
        }
    }

    private static async ValueTask<ulong> RunYielding(int node, ulong salt, int arity, DelayedArguments args, CancellationToken ct, TaskRecorder recorder, FaultInjector? faults)
    {
        recorder.Enter(node);
        try
        {
            // Arguments are read before the await: after it the runtime may have released them.
            ulong value = Compute(salt, arity, args);
            await Task.Yield();
            faults?.MaybeThrow(node, ct);
            return value;
        }
        finally
        {
            recorder.Leave(node);
        }
    }

    private static ulong Compute(ulong salt, int arity, DelayedArguments args)
    {
        var values = new ulong[arity];
        for (int i = 0; i < arity; i++)
        {
            values[i] = args.Get<ulong>(i);
        }

        return RandomDag.Mix(salt, values);
    }
}
