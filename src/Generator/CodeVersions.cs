using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskGraph.Generator;

/// <summary>
/// The version of a method's code that keys of stored results include: a 64-bit FNV-1a hash of its declaration's
/// tokens (attributes left out, comments and whitespace never seen), so reformatting keeps stored results and
/// any change to the signature or body drops them. Methods it calls are not part of it (docs/resume.md).
/// </summary>
internal static class CodeVersions
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string Of(SyntaxNode declaration)
    {
        ulong hash = OffsetBasis;
        foreach (SyntaxToken token in declaration.DescendantTokens())
        {
            if (token.Parent?.FirstAncestorOrSelf<AttributeListSyntax>() is not null)
            {
                continue;
            }

            foreach (char c in token.Text)
            {
                hash = (hash ^ c) * Prime;
            }

            // Between tokens, so that "a b" and "ab" differ.
            hash = (hash ^ ' ') * Prime;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
