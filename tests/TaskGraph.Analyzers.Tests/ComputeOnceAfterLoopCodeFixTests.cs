using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ComputeOnceAfterLoopCodeFixTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Collects_the_handles_and_computes_once_after_each_loop(bool fixAll) => CodeFixVerifier.VerifyAsync(
        new ComputeInLoopAnalyzer(),
        new ComputeOnceAfterLoopCodeFixProvider(),
        DiagnosticIds.ComputeInLoop,
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static async Task<List<Data>> LoadAllAsync(IEnumerable<string> paths, Data reference)
            {
                var results = new List<Data>();
                foreach (string path in paths)
                {
                    var loaded = Ops.LoadDelayed(path);
                    results.Add(await Ops.ProcessDelayed(loaded, reference).ComputeAsync().ConfigureAwait(false));
                }

                return results;
            }

            public static List<int> Incremented(int count)
            {
                var handles = new List<int>();
                for (int i = 0; i < count; i++)
                {
                    handles.Add(Ops.IncDelayed(i).Compute());
                }

                return handles;
            }
        }
        """,
        fixAll
            ? """
              using System.Collections.Generic;
              using System.Threading.Tasks;
              using Shop;
              using TaskGraph;

              public static class Pipeline
              {
                  public static async Task<List<Data>> LoadAllAsync(IEnumerable<string> paths, Data reference)
                  {
                      var results = new List<Data>();
                      var handles = new List<Delayed<Data>>();
                      foreach (string path in paths)
                      {
                          var loaded = Ops.LoadDelayed(path);
                          handles.Add(Ops.ProcessDelayed(loaded, reference));
                      }
                      results.AddRange(await Delayed.All(handles).ComputeAsync().ConfigureAwait(false));

                      return results;
                  }

                  public static List<int> Incremented(int count)
                  {
                      var handles = new List<int>();
                      var handles2 = new List<Delayed<int>>();
                      for (int i = 0; i < count; i++)
                      {
                          handles2.Add(Ops.IncDelayed(i));
                      }
                      handles.AddRange(Delayed.All(handles2).Compute());

                      return handles;
                  }
              }
              """
            : """
              using System.Collections.Generic;
              using System.Threading.Tasks;
              using Shop;
              using TaskGraph;

              public static class Pipeline
              {
                  public static async Task<List<Data>> LoadAllAsync(IEnumerable<string> paths, Data reference)
                  {
                      var results = new List<Data>();
                      var handles = new List<Delayed<Data>>();
                      foreach (string path in paths)
                      {
                          var loaded = Ops.LoadDelayed(path);
                          handles.Add(Ops.ProcessDelayed(loaded, reference));
                      }
                      results.AddRange(await Delayed.All(handles).ComputeAsync().ConfigureAwait(false));

                      return results;
                  }

                  public static List<int> Incremented(int count)
                  {
                      var handles = new List<int>();
                      for (int i = 0; i < count; i++)
                      {
                          handles.Add(Ops.IncDelayed(i).Compute());
                      }

                      return handles;
                  }
              }
              """,
        fixAll);

    [Fact]
    public Task Offers_nothing_when_the_list_is_read_in_the_loop() => CodeFixVerifier.VerifyNoFixAsync(
        new ComputeInLoopAnalyzer(),
        new ComputeOnceAfterLoopCodeFixProvider(),
        DiagnosticIds.ComputeInLoop,
        """
        using System.Collections.Generic;
        using Shop;

        public static class Pipeline
        {
            public static List<int> Running(int count)
            {
                var totals = new List<int> { 0 };
                for (int i = 0; i < count; i++)
                {
                    totals.Add(Ops.AddDelayed(i, totals.Count).Compute());
                }

                return totals;
            }
        }
        """);
}
