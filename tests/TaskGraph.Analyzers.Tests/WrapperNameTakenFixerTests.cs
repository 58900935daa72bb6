using System.Threading.Tasks;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class WrapperNameTakenFixerTests
{
    // LoadAsync's wrapper would be LoadDelayed, Load's; Save's would be SaveDelayed, a method of the type;
    // Fetch's own-name choice (FetchDelayed) is taken by Get's Name, so it is numbered.
    [Fact]
    public Task Names_the_wrapper_with_the_Name_option() => CodeFixVerifier.VerifyAsync(
        new GeneratorDiagnosticsAnalyzer(DiagnosticIds.WrapperNameTaken),
        new WrapperNameTakenFixer(),
        """
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        public static partial class Io
        {
            [Delayed] public static int Load(string path) => path.Length;

            [Delayed] public static Task<int> {|TG0005:LoadAsync|}(string path, CancellationToken cancellationToken) => Task.FromResult(path.Length);

            [Delayed] public static int {|TG0005:Save|}(int value) => value;

            public static int SaveDelayed(Delayed<int> value) => 0;

            [Delayed(Name = "FetchDelayed")] public static int Get(string key) => key.Length;

            [Delayed(Pure = true)] public static int {|TG0005:Fetch|}(string key) => key.Length;
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        public static partial class Io
        {
            [Delayed] public static int Load(string path) => path.Length;

            [Delayed(Name = "LoadAsyncDelayed")] public static Task<int> LoadAsync(string path, CancellationToken cancellationToken) => Task.FromResult(path.Length);

            [Delayed(Name = "SaveDelayed2")] public static int Save(int value) => value;

            public static int SaveDelayed(Delayed<int> value) => 0;

            [Delayed(Name = "FetchDelayed")] public static int Get(string key) => key.Length;

            [Delayed(Pure = true, Name = "FetchDelayed2")] public static int Fetch(string key) => key.Length;
        }
        """);
}
