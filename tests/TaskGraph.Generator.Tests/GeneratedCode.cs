using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// Runs generated code: compiles a source with the generator (asserting zero warnings), emits it, loads it
/// into a collectible load context (TaskGraph itself resolves to the copy the tests run on) and calls
/// <c>Program.Run()</c>.
/// </summary>
internal static class GeneratedCode
{
    public static object? Run(string source)
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + source);
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, TestCompilation.Describe(emitted.Diagnostics));
        stream.Position = 0;

        var context = new AssemblyLoadContext("GeneratedCode", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var entry = assembly.GetType("Program")?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(entry);
            try
            {
                return entry.Invoke(null, null);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
