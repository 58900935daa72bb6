using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit;
using Xunit.Abstractions;

namespace TaskGraph.Dashboard.Tests;

/// <summary>The page in a real browser (headless Chromium), opened while a compute is held open at its last task.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class DashboardPageTests
{
    private readonly ChromiumFixture chromium;
    private readonly ITestOutputHelper output;

    public DashboardPageTests(ChromiumFixture chromium, ITestOutputHelper output)
    {
        this.chromium = chromium;
        this.output = output;
    }

    [SkippableFact]
    public async Task The_page_follows_a_held_compute_to_its_final_counts()
    {
        Skip.If(chromium.Unavailable is not null, chromium.Unavailable);
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        Task<int> compute = await DashboardRun.StartHeldAsync(dashboard, "page-");
        using ChromeDriver browser = chromium.Open();
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));
        string held = (HeldGraph.TaskCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string all = HeldGraph.TaskCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

        browser.Navigate().GoToUrl(dashboard.Address);
        wait.Until(page => Text(page, "status") == "running" && Text(page, "total-done") == held && Text(page, "total-running") == "1");
        string streamWhileHeld = Text(browser, "stream-count");
        Save(browser, "dashboard-held");
        HeldGraph.Open("page-");
        await compute;
        wait.Until(page => Text(page, "status") == "succeeded" && Text(page, "total-done") == all);

        Assert.Equal(held, streamWhileHeld);
        Assert.Equal(all, Text(browser, "stream-count"));
        Assert.Equal("0", Text(browser, "total-running"));
        Assert.Equal("0", Text(browser, "total-waiting"));
        Assert.Equal(HeldGraph.Parts.ToString(System.Globalization.CultureInfo.InvariantCulture), browser.FindElement(By.CssSelector("tr[data-method='Load'] td.done")).Text);
        int lanes = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value.GetProperty("lanes").GetArrayLength();
        Assert.Equal(lanes.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(browser, "lane-count"));
        var nodes = browser.FindElements(By.CssSelector("#graph rect[data-node]"));
        Assert.Equal(HeldGraph.TaskCount, nodes.Count);
        Assert.All(nodes, node => Assert.Equal("var(--done)", node.GetAttribute("fill")));
        Assert.True(browser.FindElement(By.Id("error")).GetAttribute("hidden") is not null, "no error is shown");
        Save(browser, "dashboard-finished");
    }

    [SkippableFact]
    public async Task The_page_shows_the_failing_tasks_error()
    {
        Skip.If(chromium.Unavailable is not null, chromium.Unavailable);
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        using ChromeDriver browser = chromium.Open();
        browser.Navigate().GoToUrl(dashboard.Address);
        new WebDriverWait(browser, TimeSpan.FromSeconds(30)).Until(page => Text(page, "connection") == "live");
        Delayed<int> broken = HeldGraph.ExplodeDelayed(WideGraph.StepDelayed(41));

        Assert.Throws<DelayedTaskException>(() => broken.Compute(ComputeOptions.Default.WithDashboard(dashboard)));

        new WebDriverWait(browser, TimeSpan.FromSeconds(30)).Until(page => Text(page, "status") == "failed");
        Assert.Equal("1", Text(browser, "total-failed"));
        string error = browser.FindElement(By.Id("error")).Text;
        Assert.Contains($"Task {broken.Key} (Explode) failed", error, StringComparison.Ordinal);
        Assert.Contains("part 42 exploded", error, StringComparison.Ordinal);
        Save(browser, "dashboard-failed");
    }

    [SkippableFact]
    public async Task The_page_says_when_the_task_stream_of_a_big_compute_is_a_sample()
    {
        Skip.If(chromium.Unavailable is not null, chromium.Unavailable);
        await using TaskGraphDashboard dashboard = await TaskSamplingTests.StartAsync(maxDrawnTasks: 1_000, TimeSpan.FromSeconds(1));
        using ChromeDriver browser = chromium.Open();
        browser.Navigate().GoToUrl(dashboard.Address);
        new WebDriverWait(browser, TimeSpan.FromSeconds(30)).Until(page => Text(page, "connection") == "live");
        string total = WideGraph.TaskCount(3_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        WideGraph.Build(3_000).Compute(ComputeOptions.Default.WithDashboard(dashboard));

        new WebDriverWait(browser, TimeSpan.FromSeconds(30)).Until(page => Text(page, "status") == "succeeded" && Text(page, "total-done") == total);
        // The caption is set in capitals by the page's style.
        Assert.Equal($"of {total}", Text(browser, "stream-total").Trim(), ignoreCase: true);
        Assert.Equal("(a sample of the fast ones)", Text(browser, "stream-sampled").Trim(), ignoreCase: true);
        Assert.NotEqual(total, Text(browser, "stream-count"));
        Assert.Equal("0", Text(browser, "total-running"));
        Save(browser, "dashboard-sampled");
    }

    private static string Text(IWebDriver page, string id) => page.FindElement(By.Id(id)).Text;

    /// <summary>Keeps a screenshot in the test project's TestResults directory (dotnet test's default results directory).</summary>
    private void Save(ChromeDriver browser, string name)
    {
        string directory = Path.Combine(ProjectDirectory(), "TestResults");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name + ".png");
        browser.GetScreenshot().SaveAsFile(path);
        output.WriteLine("screenshot: " + path);
    }

    private static string ProjectDirectory([CallerFilePath] string source = "") => Path.GetDirectoryName(source)!;
}
