using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace Examples;

/// <summary>A progress bar for a compute (dask's <c>progress</c>): one redrawn line on a terminal, a line per tenth when redirected.</summary>
public static partial class ProgressExample
{
    [Delayed] public static async Task<int> DownloadAsync(int page, CancellationToken ct)
    {
        await Task.Delay(20, ct);
        return page * page;
    }

    [Delayed] public static int Total(int[] sizes) => sizes.Sum();

    public static async Task RunAsync()
    {
        var pages = Enumerable.Range(1, 40).Select(page => DownloadDelayed(page)).ToList();
        Delayed<int> total = TotalDelayed(Delayed.All(pages));

        // Any IProgress<ComputeProgress> works; ConsoleProgressBar draws one. Dispose ends its line.
        using (var bar = new ConsoleProgressBar(Console.Out, "downloads"))
        {
            int bytes = await total.ComputeAsync(new ComputeOptions { Progress = bar });
            Console.WriteLine($"downloaded {bytes} bytes in {pages.Count} pages");
        }
    }
}
