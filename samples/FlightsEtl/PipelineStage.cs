namespace FlightsEtl;

/// <summary>The stages of the ETL, as every engine reports their times.</summary>
public enum PipelineStage
{
    /// <summary>Reading and parsing the files, keeping the delay columns.</summary>
    ReadAndParse,

    /// <summary>Per-file aggregates and their merge.</summary>
    Statistics,

    /// <summary>Filling missing delays with the mean.</summary>
    Impute,

    /// <summary>The batches' transform.</summary>
    Transform,

    /// <summary>Loading into SQLite and checking the row count.</summary>
    Load,
}

/// <summary>Names of the stages for people.</summary>
public static class PipelineStages
{
    /// <summary>Every stage, in order.</summary>
    public static PipelineStage[] All { get; } =
        { PipelineStage.ReadAndParse, PipelineStage.Statistics, PipelineStage.Impute, PipelineStage.Transform, PipelineStage.Load };

    /// <summary>The stage's display name.</summary>
    public static string DisplayName(this PipelineStage stage) => stage switch
    {
        PipelineStage.ReadAndParse => "Read & parse",
        PipelineStage.Statistics => "Statistics",
        PipelineStage.Impute => "Impute",
        PipelineStage.Transform => "Transform",
        _ => "Load",
    };

    /// <summary>The stage a <see cref="FlightsGraph"/> method belongs to, by the method's name.</summary>
    public static PipelineStage? OfMethod(string? methodName) => methodName switch
    {
        nameof(FlightsGraph.ReadDelays) => PipelineStage.ReadAndParse,
        nameof(FlightsGraph.Summarize) or nameof(FlightsGraph.MergeSummaries) => PipelineStage.Statistics,
        nameof(FlightsGraph.Impute) or nameof(FlightsGraph.Concatenate) => PipelineStage.Impute,
        nameof(FlightsGraph.Transform) or nameof(FlightsGraph.TransformWithLatency) => PipelineStage.Transform,
        nameof(FlightsGraph.Load) or nameof(FlightsGraph.CheckRowCount) => PipelineStage.Load,
        _ => null,
    };
}
