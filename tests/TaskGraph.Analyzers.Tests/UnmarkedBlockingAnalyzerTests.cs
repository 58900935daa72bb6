using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class UnmarkedBlockingAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new UnmarkedBlockingAnalyzer(), markup);

    [Fact]
    public Task Reports_sleeps_waits_and_synchronous_io() => VerifyAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        public static partial class Steps
        {
            [Delayed]
            public static string Slow(string path, Task<int> pending, Task other, Stream stream)
            {
                [|Thread.Sleep(10)|];
                [|other.Wait()|];
                int a = [|pending.Result|];
                int b = [|pending.GetAwaiter().GetResult()|];
                [|stream.Flush()|];
                return [|File.ReadAllText(path)|] + a + b;
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_when_marked_blocking_asynchronous_or_in_memory() => VerifyAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        public static partial class Steps
        {
            [Delayed(Blocking = true)]
            public static void Marked() => Thread.Sleep(10);

            [Delayed]
            public static async Task<string> ReadAsync(string path) => await File.ReadAllTextAsync(path);

            [Delayed]
            public static string? FirstLine(string text) => new StringReader(text).ReadLine();

            public static void NotDelayed() => Thread.Sleep(1);
        }
        """);
}
