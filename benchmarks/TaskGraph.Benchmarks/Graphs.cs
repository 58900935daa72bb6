using System;
using System.Threading.Tasks;

namespace TaskGraph.Benchmarks;

/// <summary>Each shape three ways: plain sequential calls, a TaskGraph graph, and a hand-written TPL graph.</summary>
public static class Graphs
{
    /// <summary>Tasks in the TaskGraph graph: the shape's own, plus the collect and sum that end each one.</summary>
    public static int TaskCount(Shape shape, int n) => shape == Shape.Tree ? (2 * n) + 1 : n + 2;

    public static long Sequential(Shape shape, int n)
    {
        switch (shape)
        {
            case Shape.Wide:
                var values = new int[n];
                for (int i = 0; i < n; i++)
                {
                    values[i] = Work.Step(i);
                }

                return Work.Sum(values);
            case Shape.Tree:
                var level = new int[n];
                for (int i = 0; i < n; i++)
                {
                    level[i] = Work.Step(i);
                }

                for (int count = n; count > 1; count = (count + 1) / 2)
                {
                    for (int i = 0; i < count / 2; i++)
                    {
                        level[i] = Work.Add(level[2 * i], level[(2 * i) + 1]);
                    }

                    if (count % 2 == 1)
                    {
                        level[count / 2] = level[count - 1];
                    }
                }

                return level[0];
            default:
                int value = 0;
                for (int i = 0; i < n; i++)
                {
                    value = Work.Step(value);
                }

                return value;
        }
    }

    public static Delayed<long> Build(Shape shape, int n)
    {
        switch (shape)
        {
            case Shape.Wide:
                var steps = new Delayed<int>[n];
                for (int i = 0; i < n; i++)
                {
                    steps[i] = Work.StepDelayed(i);
                }

                return Work.SumDelayed(Delayed.All(steps));
            case Shape.Tree:
                var level = new Delayed<int>[n];
                for (int i = 0; i < n; i++)
                {
                    level[i] = Work.StepDelayed(i);
                }

                for (int count = n; count > 1; count = (count + 1) / 2)
                {
                    for (int i = 0; i < count / 2; i++)
                    {
                        level[i] = Work.AddDelayed(level[2 * i], level[(2 * i) + 1]);
                    }

                    if (count % 2 == 1)
                    {
                        level[count / 2] = level[count - 1];
                    }
                }

                return ToLong(level[0]);
            default:
                Delayed<int> value = 0;
                for (int i = 0; i < n; i++)
                {
                    value = Work.StepDelayed(value);
                }

                return ToLong(value);
        }
    }

    /// <summary>The same graph as dependent TPL tasks: StartNew for leaves, ContinueWhenAll to join, ContinueWith to follow one task.</summary>
    public static long Tpl(Shape shape, int n)
    {
        TaskFactory factory = Task.Factory;
        switch (shape)
        {
            case Shape.Wide:
                var steps = new Task<int>[n];
                for (int i = 0; i < n; i++)
                {
                    int input = i;
                    steps[i] = factory.StartNew(() => Work.Step(input));
                }

                return factory.ContinueWhenAll(steps, static done =>
                {
                    var values = new int[done.Length];
                    for (int i = 0; i < done.Length; i++)
                    {
                        values[i] = done[i].Result;
                    }

                    return Work.Sum(values);
                }).Result;
            case Shape.Tree:
                var level = new Task<int>[n];
                for (int i = 0; i < n; i++)
                {
                    int input = i;
                    level[i] = factory.StartNew(() => Work.Step(input));
                }

                for (int count = n; count > 1; count = (count + 1) / 2)
                {
                    for (int i = 0; i < count / 2; i++)
                    {
                        level[i] = factory.ContinueWhenAll(new[] { level[2 * i], level[(2 * i) + 1] }, static pair => Work.Add(pair[0].Result, pair[1].Result));
                    }

                    if (count % 2 == 1)
                    {
                        level[count / 2] = level[count - 1];
                    }
                }

                return level[0].Result;
            default:
                Task<int> value = Task.FromResult(0);
                for (int i = 0; i < n; i++)
                {
                    value = value.ContinueWith(static previous => Work.Step(previous.Result), TaskScheduler.Default);
                }

                return value.Result;
        }
    }

    private static Delayed<long> ToLong(Delayed<int> value) => Work.SumDelayed(Delayed.All(new[] { value }));
}
