using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class UnmarkedBlockingFixerTests
{
    [Fact]
    public Task Sets_blocking_on_each_method_once() => CodeFixVerifier.VerifyAsync(
        new UnmarkedBlockingAnalyzer(),
        new UnmarkedBlockingFixer(),
        """
        using System.IO;
        using System.Threading;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed]
            public static string Read(string path)
            {
                Thread.Sleep(1);
                return File.ReadAllText(path);
            }

            [Delayed(Pure = true)]
            public static void Nap() => Thread.Sleep(1);

            [Delayed(Blocking = false)]
            public static void Wait() => Thread.Sleep(2);
        }
        """,
        """
        using System.IO;
        using System.Threading;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed(Blocking = true)]
            public static string Read(string path)
            {
                Thread.Sleep(1);
                return File.ReadAllText(path);
            }

            [Delayed(Pure = true, Blocking = true)]
            public static void Nap() => Thread.Sleep(1);

            [Delayed(Blocking = true)]
            public static void Wait() => Thread.Sleep(2);
        }
        """);
}
