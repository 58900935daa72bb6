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

    /// <summary>The stage a <see cref="FlightsPipeline"/> method belongs to, by the method's name.</summary>
    public static PipelineStage? OfMethod(string? methodName) => methodName switch
    {
        nameof(FlightsPipeline.ReadFlights) or nameof(FlightsPipeline.SelectDelays) => PipelineStage.ReadAndParse,
        nameof(FlightsPipeline.Summarize) or nameof(FlightsPipeline.MergeSummaries) => PipelineStage.Statistics,
        nameof(FlightsPipeline.Impute) or nameof(FlightsPipeline.Concatenate) => PipelineStage.Impute,
        nameof(FlightsPipeline.Transform) or nameof(FlightsPipeline.TransformWithLatency) => PipelineStage.Transform,
        nameof(FlightsPipeline.Load) or nameof(FlightsPipeline.CheckRowCount) => PipelineStage.Load,
        _ => null,
    };
}
