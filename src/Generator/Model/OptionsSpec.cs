namespace TaskGraph.Generator.Model;

/// <summary>What <c>[Delayed]</c> says about a method, read once from the attribute's named arguments.</summary>
/// <param name="Pure">From <c>DelayedAttribute.Pure</c>.</param>
/// <param name="Blocking">From <c>DelayedAttribute.Blocking</c>.</param>
/// <param name="Retries">From <c>DelayedAttribute.Retries</c> (0 when not set).</param>
/// <param name="RetryDelayMilliseconds">From <c>DelayedAttribute.RetryDelayMilliseconds</c> (0 when not set).</param>
/// <param name="TimeoutMilliseconds">From <c>DelayedAttribute.TimeoutMilliseconds</c> (0 when not set).</param>
/// <param name="Checkpoint">From <c>DelayedAttribute.Checkpoint</c>.</param>
/// <param name="Name">From <c>DelayedAttribute.Name</c>: the wrapper's name as the user wrote it; <see langword="null"/> when not set.</param>
internal sealed record OptionsSpec(bool Pure, bool Blocking, int Retries, int RetryDelayMilliseconds, int TimeoutMilliseconds, string? Name, bool Checkpoint = false)
{
    public static OptionsSpec From(AttributeData attribute)
    {
        bool pure = false, blocking = false, checkpoint = false;
        int retries = 0, retryDelay = 0, timeout = 0;
        string? name = null;
        foreach (var argument in attribute.NamedArguments)
        {
            bool flag = argument.Value.Value is true;
            int number = argument.Value.Value is int value ? value : 0;
            switch (argument.Key)
            {
                case DescriptorEntry.PureOption:
                    pure = flag;
                    break;
                case DescriptorEntry.BlockingOption:
                    blocking = flag;
                    break;
                case DescriptorEntry.CheckpointOption:
                    checkpoint = flag;
                    break;
                case DescriptorEntry.RetriesOption:
                    retries = number;
                    break;
                case DescriptorEntry.RetryDelayMillisecondsOption:
                    retryDelay = number;
                    break;
                case DescriptorEntry.TimeoutMillisecondsOption:
                    timeout = number;
                    break;
                case WrapperNames.NameOption:
                    name = argument.Value.Value as string;
                    break;
            }
        }

        return new OptionsSpec(pure, blocking, retries, retryDelay, timeout, name, checkpoint);
    }

    /// <summary>The options of a method's <c>[Delayed]</c>; <see langword="null"/> when the method has none.</summary>
    public static OptionsSpec? Of(IMethodSymbol method)
        => method.GetAttributes().FirstOrDefault(IsDelayedAttribute) is { } attribute ? From(attribute) : null;

    private static bool IsDelayedAttribute(AttributeData attribute)
        => attribute.AttributeClass?.ToDisplayString() == DelayedGenerator.DelayedAttributeMetadataName;
}
