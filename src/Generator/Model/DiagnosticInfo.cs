namespace TaskGraph.Generator.Model;

/// <summary>A diagnostic to report, held as values: the descriptor's id, the message arguments and the location.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments)
        => new(descriptor.Id, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(
            DiagnosticDescriptors.ById(DescriptorId),
            Location?.ToLocation(),
            messageArgs: [.. MessageArguments]);
}
