using System.Collections.Generic;
using System.Threading.Channels;

namespace TaskGraph.Dashboard;

/// <summary>
/// The pages connected to the event stream, each with its own queue of messages. A page that falls
/// <see cref="Backlog"/> messages behind is dropped (its browser reconnects and gets a fresh snapshot), so a
/// stalled page never holds memory or the push loop. Not thread-safe: the dashboard calls it under its lock.
/// </summary>
internal sealed class EventStreamClients
{
    /// <summary>How many messages a page may fall behind.</summary>
    internal const int Backlog = 256;

    private readonly List<Channel<string>> clients = new();

    /// <summary>Adds a page whose first message is <paramref name="snapshot"/>.</summary>
    internal ChannelReader<string> Join(string snapshot)
    {
        var client = Channel.CreateBounded<string>(new BoundedChannelOptions(Backlog) { SingleReader = true, SingleWriter = true });
        client.Writer.TryWrite(snapshot);
        clients.Add(client);
        return client.Reader;
    }

    /// <summary>Whether any page is connected.</summary>
    internal bool Any => clients.Count > 0;

    internal void Leave(ChannelReader<string> reader) => clients.RemoveAll(client => client.Reader == reader);

    internal void Broadcast(string message)
    {
        for (int i = clients.Count - 1; i >= 0; i--)
        {
            if (!clients[i].Writer.TryWrite(message))
            {
                clients[i].Writer.TryComplete();
                clients.RemoveAt(i);
            }
        }
    }

    /// <summary>Ends every page's stream (the dashboard is stopping).</summary>
    internal void EndAll()
    {
        clients.ForEach(client => client.Writer.TryComplete());
        clients.Clear();
    }
}
