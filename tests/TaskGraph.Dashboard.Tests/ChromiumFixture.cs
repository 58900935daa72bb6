using System;
using System.Diagnostics;
using System.IO;
using OpenQA.Selenium.Chrome;
using Xunit;

namespace TaskGraph.Dashboard.Tests;

/// <summary>
/// Debian's headless Chromium and its chromedriver, installed once per test collection with
/// <c>apt-get install -y chromium chromium-driver</c> when missing (after <c>apt-get update</c> when the first try
/// fails). When they cannot be had,
/// <see cref="Unavailable"/> says why and the browser tests skip themselves with it.
/// </summary>
public sealed class ChromiumFixture
{
    private const string Browser = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string Driver = "chromedriver";

    public ChromiumFixture() => Unavailable = Install();

    /// <summary>Why there is no browser; <see langword="null"/> when there is one.</summary>
    public string? Unavailable { get; }

    /// <summary>A fresh headless browser with its own profile (the machine has no network to talk to).</summary>
    public ChromeDriver Open()
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1000",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("taskgraph-chromium-").FullName);
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(DriverDirectory, Driver);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static bool IsInstalled() => File.Exists(Browser) && File.Exists(Path.Combine(DriverDirectory, Driver));

    private static string? Install()
    {
        if (IsInstalled())
        {
            return null;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
        {
            return $"The browser tests need Debian's chromium and chromium-driver ({Browser}, {DriverDirectory}/{Driver}); this machine has no apt-get to install them.";
        }

        // A fresh machine may have no package lists yet: the install is tried again after `apt-get update`.
        string? failure = Apt("install -y chromium chromium-driver");
        if (failure is not null && Apt("update") is null)
        {
            failure = Apt("install -y chromium chromium-driver");
        }

        return IsInstalled() ? null : failure ?? "apt-get install -y chromium chromium-driver left no chromium or chromedriver in /usr/bin.";
    }

    /// <summary>Runs apt-get with <paramref name="arguments"/>; <see langword="null"/> when it succeeded, else what went wrong.</summary>
    private static string? Apt(string arguments)
    {
        try
        {
            using var apt = Process.Start(new ProcessStartInfo("apt-get", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" },
            })!;
            var error = apt.StandardError.ReadToEndAsync();
            string output = apt.StandardOutput.ReadToEnd() + error.GetAwaiter().GetResult();
            if (!apt.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                apt.Kill(entireProcessTree: true);
                return $"apt-get {arguments} did not finish within 5 minutes.";
            }

            return apt.ExitCode == 0 ? null : $"apt-get {arguments} exited with {apt.ExitCode}: {Last(output, 400)}";
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"apt-get could not be started ({arguments}): {error.Message}";
        }
    }

    private static string Last(string text, int length) => text.Length <= length ? text.Trim() : text[^length..].Trim();
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
