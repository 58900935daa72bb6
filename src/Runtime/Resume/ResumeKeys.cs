using System;
using System.Security.Cryptography;
using System.Text;

namespace TaskGraph.Resume;

/// <summary>
/// Keys of stored results, the same in every process: a SHA-256, in hex, of the method's id and code version,
/// the result's type, and each argument (a constant by the store's fingerprint of its value, a task by its own
/// key, so a key is known before anything runs and a changed method changes every key downstream of it).
/// </summary>
internal static class ResumeKeys
{
    /// <summary>Separates the parts hashed, so that no two lists of parts run together into one text.</summary>
    private const char Separator = '\u001f';

    /// <summary>The key of <paramref name="node"/>, a call whose arguments' keys (or fingerprints) are <paramref name="argumentKeys"/>.</summary>
    internal static string Of(DelayedNode node, ReadOnlySpan<string> argumentKeys)
    {
        var text = new StringBuilder();
        if (node.Method is { } method)
        {
            text.Append(method.Id).Append(Separator).Append(method.CodeVersion);
        }
        else
        {
            text.Append(Nodes.CallNode<object>.CollectionName);
        }

        text.Append(Separator).Append(node.ResultType.FullName);
        foreach (string argument in argumentKeys)
        {
            text.Append(Separator).Append(argument);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
