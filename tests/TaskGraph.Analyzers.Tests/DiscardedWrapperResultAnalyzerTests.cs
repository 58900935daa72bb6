using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class DiscardedWrapperResultAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new DiscardedWrapperResultAnalyzer(), markup);

    [Fact]
    public Task Reports_discarded_wrapper_calls() => VerifyAsync("""
        using Shop;

        public static class Pipeline
        {
            public static void Run()
            {
                [|Ops.LogDelayed("starting")|];
                _ = [|Ops.IncDelayed(1)|];
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_on_used_handles_and_computes() => VerifyAsync("""
        using Shop;

        public static class Pipeline
        {
            public static int Run()
            {
                var handle = Ops.IncDelayed(1);
                Ops.LogDelayed("done").Compute();
                return handle.Compute();
            }
        }
        """);
}
