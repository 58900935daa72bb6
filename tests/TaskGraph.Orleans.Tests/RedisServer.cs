using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace TaskGraph.Orleans.Tests;

/// <summary>
/// A throwaway redis-server on loopback (Debian's package, installed with apt-get when missing), for membership
/// across machines. <see cref="StartAsync"/> returns null with the reason when it can be neither found nor installed.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process process;

    private RedisServer(Process process, int port)
    {
        this.process = process;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    public static async Task<(RedisServer? Server, string? Unavailable)> StartAsync()
    {
        string? program = Find();
        if (program is null)
        {
            await Run("apt-get", "update -qq");
            await Run("apt-get", "install -y -qq redis-server");
            program = Find();
        }

        if (program is null)
        {
            return (null, "redis-server is not installed and 'apt-get install -y redis-server' did not install it (not root, or no package source).");
        }

        int port = SiloProcess.FreePort();
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        await ClusterComputeTests.WaitUntil(() => Accepts(port));
        return (server, null);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string? Find() => Array.Find(new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }, File.Exists);

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
            await process.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No such program: the caller finds no redis-server and says so.
        }
    }
}
