namespace TaskGraph.Analyzers;

/// <summary>The framework's members that block the calling thread: sleeps, waits on tasks and events, synchronous I/O.</summary>
internal static class BlockingCalls
{
    // Type (metadata name, matched on the called member's type and its base types) -> blocking members;
    // an empty list means every member not ending in "Async".
    private static readonly (string Type, string[] Members)[] Table =
    {
        ("System.Threading.Thread", new[] { "Sleep", "Join" }),
        ("System.Threading.Tasks.Task", new[] { "Wait", "WaitAll", "WaitAny" }),
        ("System.Runtime.CompilerServices.TaskAwaiter", new[] { "GetResult" }),
        ("System.Runtime.CompilerServices.TaskAwaiter`1", new[] { "GetResult" }),
        ("System.Runtime.CompilerServices.ValueTaskAwaiter`1", new[] { "GetResult" }),
        ("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter", new[] { "GetResult" }),
        ("System.Threading.WaitHandle", new[] { "WaitOne", "WaitAll", "WaitAny" }),
        ("System.Threading.SemaphoreSlim", new[] { "Wait" }),
        ("System.Threading.ManualResetEventSlim", new[] { "Wait" }),
        ("System.Threading.CountdownEvent", new[] { "Wait" }),
        ("System.Threading.Barrier", new[] { "SignalAndWait" }),
        ("System.IO.File", new string[0]),
        ("System.IO.Directory", new string[0]),
        ("System.IO.Stream", new[] { "Read", "ReadByte", "ReadExactly", "ReadAtLeast", "Write", "WriteByte", "Flush", "CopyTo" }),
        ("System.IO.StreamReader", new[] { "Read", "ReadLine", "ReadToEnd", "ReadBlock" }),
        ("System.IO.StreamWriter", new[] { "Write", "WriteLine", "Flush" }),
        ("System.Net.Sockets.Socket", new[] { "Send", "SendTo", "Receive", "ReceiveFrom", "Connect", "Accept" }),
        ("System.Net.Sockets.TcpClient", new[] { "Connect" }),
        ("System.Net.Http.HttpClient", new[] { "Send" }),
        ("System.Data.Common.DbConnection", new[] { "Open" }),
        ("System.Data.Common.DbCommand", new[] { "ExecuteReader", "ExecuteNonQuery", "ExecuteScalar" }),
        ("System.Data.Common.DbDataReader", new[] { "Read", "NextResult" }),
        ("System.Data.IDbConnection", new[] { "Open" }),
        ("System.Data.IDbCommand", new[] { "ExecuteReader", "ExecuteNonQuery", "ExecuteScalar" }),
        ("System.Data.IDataReader", new[] { "Read", "NextResult" }),
    };

    /// <summary>Whether calling <paramref name="method"/> blocks the calling thread.</summary>
    public static bool IsBlocking(IMethodSymbol method) => Matches(method.ContainingType, method.Name);

    /// <summary>Whether reading <paramref name="property"/> blocks (<c>Task&lt;T&gt;.Result</c>).</summary>
    public static bool IsBlocking(IPropertySymbol property)
        => property.Name == "Result"
           && property.ContainingType is { } type
           && MetadataName(type.OriginalDefinition) is "System.Threading.Tasks.Task`1" or "System.Threading.Tasks.ValueTask`1";

    private static bool Matches(INamedTypeSymbol? type, string member)
    {
        if (member.EndsWith("Async", System.StringComparison.Ordinal))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (MatchesType(MetadataName(current.OriginalDefinition), member))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesType(string typeName, string member)
    {
        foreach (var (type, members) in Table)
        {
            if (type != typeName)
            {
                continue;
            }

            if (members.Length == 0)
            {
                return true;
            }

            foreach (var candidate in members)
            {
                if (candidate == member)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        if (type.ContainingType is { } outer)
        {
            return MetadataName(outer) + "+" + name;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
