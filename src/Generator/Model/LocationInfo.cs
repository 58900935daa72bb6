using Microsoft.CodeAnalysis.Text;

namespace TaskGraph.Generator.Model;

/// <summary>
/// Where a diagnostic points, held as values (file, span, lines) instead of a <see cref="Location"/>,
/// which would tie the model to a syntax tree and defeat caching.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
        => location is null || !location.IsInSource
            ? null
            : new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
