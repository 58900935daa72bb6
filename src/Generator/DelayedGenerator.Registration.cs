namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    /// <summary>
    /// Writes one module initializer per type that registers its methods with <c>TaskGraph.Execution.DelayedMethods</c>,
    /// each with a factory that builds its node through the core wrapper: what lets another process that loaded the
    /// assembly run a task from its method id and argument values.
    /// </summary>
    /// <remarks>
    /// Left out, and so run only where their graph was built: instance methods (<c>this</c> does not travel), generic
    /// methods (no type arguments to run them with), obsolete ones (calling the wrapper would warn), and every method
    /// of a type that cannot hold a module initializer (generic, inside a generic type, or not visible to the whole assembly).
    /// </remarks>
    internal static class Registration
    {
        private const string DelayedMethods = "global::TaskGraph.Execution.DelayedMethods";

        public static void Write(IndentedWriter writer, TypeSpec type)
        {
            var registered = Enumerable.Range(0, type.Methods.Count).Where(i => RunsById(type, type.Methods[i].Method)).ToList();
            if (registered.Count == 0)
            {
                return;
            }

            var reserved = new HashSet<string>(type.Methods.SelectMany(m => m.Method.ReservedNames)) { type.DescriptorTable };
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Registers the methods that run by id with <see cref=\"{DelayedMethods}\"/> when the assembly loads.</summary>");
            writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"TaskGraph.Generator\", \"{Emitter.GeneratorVersion}\")]");
            writer.WriteLine($"internal static void {Emitter.UniqueName("__RegisterMethods", reserved)}()");
            writer.OpenBlock();
            foreach (int index in registered)
            {
                var method = type.Methods[index].Method;
                var arguments = WrapperSignatures.WrapperParameters(method)
                    .Select((p, i) => p.CallerInfo is null
                        ? $"{DelayedMethods}.Argument<{p.Type}>(__a, {i.ToString(CultureInfo.InvariantCulture)})"
                        : $"({p.Type})__a[{i.ToString(CultureInfo.InvariantCulture)}]!"); // a caller-info parameter: the wrapper takes the plain value
                writer.WriteLine($"{DelayedMethods}.Register({type.DescriptorTable}[{index.ToString(CultureInfo.InvariantCulture)}], static __a => {method.ContainingType}.{method.WrapperName}({string.Join(", ", arguments)}));");
            }

            writer.CloseBlock();
        }

        private static bool RunsById(TypeSpec type, MethodSpec method)
            => type.Hierarchy.CanHostModuleInitializer && method.IsStatic && method.TypeParameters.IsEmpty && method.CarriedAttributes.IsEmpty;
    }
}
