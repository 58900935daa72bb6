using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TaskGraph.Dashboard;

/// <summary>The page itself: one self-contained HTML file (script and styles inline), embedded in this assembly.</summary>
internal static class DashboardPage
{
    private const string ResourceName = "TaskGraph.Dashboard.DashboardPage.html";

    private static readonly byte[] Html = Load();

    internal static Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        return response.Body.WriteAsync(Html, cancellationToken).AsTask();
    }

    private static byte[] Load()
    {
        using Stream stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The assembly lacks its page resource {ResourceName}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
