using System;
using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Benchmarks;

/// <summary>The benchmark shapes on the floor executor (<see cref="FloorTask"/>): built once, run many times.</summary>
public sealed class FloorGraph
{
    private readonly List<FloorTask> tasks = new();
    private readonly FloorTask root;
    private readonly ManualResetEventSlim done = new();
    private int pending;

    public FloorGraph(Shape shape, int n)
    {
        switch (shape)
        {
            case Shape.Wide:
                var sum = new SumTask();
                for (int i = 0; i < n; i++)
                {
                    FloorTask step = Add(new StepTask(i, null));
                    sum.Inputs.Add(step);
                    sum.DependOn(step);
                }

                root = Add(sum);
                break;
            case Shape.Tree:
                var level = new FloorTask[n];
                for (int i = 0; i < n; i++)
                {
                    level[i] = Add(new StepTask(i, null));
                }

                for (int count = n; count > 1; count = (count + 1) / 2)
                {
                    for (int i = 0; i < count / 2; i++)
                    {
                        level[i] = Add(new AddTask(level[2 * i], level[(2 * i) + 1]));
                    }

                    if (count % 2 == 1)
                    {
                        level[count / 2] = level[count - 1];
                    }
                }

                root = level[0];
                break;
            default:
                FloorTask? previous = null;
                for (int i = 0; i < n; i++)
                {
                    previous = Add(new StepTask(0, previous));
                }

                root = previous!;
                break;
        }
    }

    /// <summary>Runs every task (sources queued to the pool, the rest as their inputs finish) and returns the root's value.</summary>
    public long Run()
    {
        done.Reset();
        pending = tasks.Count;
        var sources = new List<FloorTask>();
        foreach (FloorTask task in tasks)
        {
            if (task.Reset(this))
            {
                sources.Add(task);
            }
        }

        foreach (FloorTask source in sources)
        {
            ThreadPool.UnsafeQueueUserWorkItem(source, preferLocal: false);
        }

        done.Wait();
        return root.Value;
    }

    internal void TaskFinished()
    {
        if (Interlocked.Decrement(ref pending) == 0)
        {
            done.Set();
        }
    }

    private FloorTask Add(FloorTask task)
    {
        tasks.Add(task);
        return task;
    }

    private sealed class StepTask : FloorTask
    {
        private readonly int constant;
        private readonly FloorTask? input;

        internal StepTask(int constant, FloorTask? input)
        {
            this.constant = constant;
            this.input = input;
            if (input is not null)
            {
                DependOn(input);
            }
        }

        protected override long Run() => Work.Step(input is null ? constant : (int)input.Value);
    }

    private sealed class AddTask : FloorTask
    {
        private readonly FloorTask left;
        private readonly FloorTask right;

        internal AddTask(FloorTask left, FloorTask right)
        {
            this.left = left;
            this.right = right;
            DependOn(left);
            DependOn(right);
        }

        protected override long Run() => Work.Add((int)left.Value, (int)right.Value);
    }

    private sealed class SumTask : FloorTask
    {
        internal List<FloorTask> Inputs { get; } = new();

        protected override long Run()
        {
            var values = new int[Inputs.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (int)Inputs[i].Value;
            }

            return Work.Sum(values);
        }
    }
}
