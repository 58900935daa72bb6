using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Numerics;

namespace TaskGraph.Samples;

/// <summary>The command-line options both samples take alike (System.CommandLine), each with an error that names the option and the value.</summary>
internal static class SampleOptions
{
    /// <summary>
    /// Writes each of <paramref name="parse"/>'s errors as an <c>error:</c> line to <paramref name="error"/>, then the
    /// help (<paramref name="writeHelp"/>); false, writing nothing, when the command line had none.
    /// </summary>
    internal static bool Refuse(ParseResult parse, TextWriter error, Action<TextWriter> writeHelp)
    {
        if (parse.Errors.Count == 0)
        {
            return false;
        }

        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"error: {problem.Message}");
        }

        error.WriteLine();
        writeHelp(error);
        return true;
    }

    /// <summary>An option taking a whole number between <paramref name="min"/> and <paramref name="max"/> (underscores allowed: 2_611_892).</summary>
    internal static Option<T> Whole<T>(string name, string description, T defaultValue, T min, T max)
        where T : IBinaryInteger<T>
        => new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!T.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T? value))
                {
                    result.AddError($"Option '{name}' needs a whole number; '{text}' is not one.");
                    return defaultValue;
                }

                if (value < min || value > max)
                {
                    result.AddError($"Option '{name}' must be between {min} and {max}; got {value}.");
                }

                return value;
            },
        };

    /// <summary><c>--dashboard [PORT]</c>: a live page of the sample's computes, on loopback, at port 8787 unless given.</summary>
    internal static Option<int?> Dashboard(string what)
        => new("--dashboard")
        {
            Description = $"Serve a live dashboard of {what} on http://127.0.0.1:PORT/ (default port {TaskGraph.Dashboard.DashboardOptions.DefaultPort}; 0 picks a free one)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return TaskGraph.Dashboard.DashboardOptions.DefaultPort;
                }

                string text = result.Tokens[0].Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535)
                {
                    return port;
                }

                result.AddError($"Option '--dashboard' takes a port between 0 and 65535; '{text}' is not one.");
                return null;
            },
        };
}
