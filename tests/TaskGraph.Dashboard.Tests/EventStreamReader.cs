using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph.Dashboard.Tests;

/// <summary>Reads a dashboard's <c>/events</c> stream as a browser would, keeping every message.</summary>
internal sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly CancellationTokenSource stop = new();
    private readonly List<(string Name, JsonElement Data)> messages = new();
    private readonly Task reading;

    private EventStreamReader(HttpClient http, Stream stream)
    {
        this.http = http;
        reading = ReadAsync(new StreamReader(stream));
    }

    /// <summary>The messages so far: <c>snapshot</c> or <c>update</c>, with their JSON.</summary>
    internal List<(string Name, JsonElement Data)> Messages
    {
        get
        {
            lock (messages)
            {
                return new List<(string, JsonElement)>(messages);
            }
        }
    }

    internal static async Task<EventStreamReader> OpenAsync(Uri dashboard)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Stream stream = await http.GetStreamAsync(new Uri(dashboard, "events"));
        return new EventStreamReader(http, stream);
    }

    /// <summary>Every message's entry for the stream's only compute, in order.</summary>
    internal List<JsonElement> Entries()
    {
        var entries = new List<JsonElement>();
        foreach (var (_, data) in Messages)
        {
            foreach (JsonElement compute in data.GetProperty("computes").EnumerateArray())
            {
                entries.Add(compute);
            }
        }

        return entries;
    }

    /// <summary>Waits until a message says the compute ended; its entries, in order.</summary>
    internal async Task<List<JsonElement>> WaitForEndAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            List<JsonElement> entries = Entries();
            if (entries.Count > 0 && entries[^1].GetProperty("status").GetString() != "running")
            {
                return entries;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        http.CancelPendingRequests();
        http.Dispose();
        await reading;
        stop.Dispose();
    }

    private async Task ReadAsync(StreamReader lines)
    {
        string? name = null;
        try
        {
            while (await lines.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    JsonElement data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                    lock (messages)
                    {
                        messages.Add((name ?? "message", data));
                    }
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by the test or by the dashboard.
        }
        finally
        {
            lines.Dispose();
        }
    }
}
