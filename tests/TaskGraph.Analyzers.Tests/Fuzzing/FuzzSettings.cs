using System;
using System.Globalization;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// How much the fuzzer runs. CI runs the defaults; environment variables run more variants, another
/// base seed, or one failing variant alone.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Runs only the variant with this seed (as printed by a failure).</summary>
    public const string ReproduceVariable = "TASKGRAPH_FUZZ_SEED";

    private const string VariantsVariable = "TASKGRAPH_FUZZ_VARIANTS";

    private const string BaseSeedVariable = "TASKGRAPH_FUZZ_BASE_SEED";

    private const string CodeFixEveryVariable = "TASKGRAPH_FUZZ_CODE_FIX_EVERY";

    /// <summary>Variants per run: at least 2,000 in CI, as the reliability issue asks.</summary>
    public static int Variants => Read(VariantsVariable) ?? 2_000;

    /// <summary>Variant i has seed <c>BaseSeed + i</c>.</summary>
    public static int BaseSeed => Read(BaseSeedVariable) ?? 6_007;

    /// <summary>Code fixes run on every n-th variant (a workspace per variant costs more than the analyzers): 200 of 2,000 in CI.</summary>
    public static int CodeFixEvery => Read(CodeFixEveryVariable) ?? 10;

    /// <summary>Percent of variants mutated from the samples.</summary>
    public const int SamplePercent = 20;

    /// <summary>
    /// Percent of variants mutated from test inputs that compile (the rest come from inputs that do not):
    /// only variants of code that compiles can show generated code that does not.
    /// </summary>
    public const int CleanInputPercent = 50;

    /// <summary>The one variant seed to rerun, when set.</summary>
    public static int? Reproduce => Read(ReproduceVariable);

    private static int? Read(string variable)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
