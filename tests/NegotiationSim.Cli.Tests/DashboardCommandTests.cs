using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim run --dashboard` and `negsim serve` as a user starts them: same files as a plain run, clear refusals.</summary>
public sealed class DashboardCommandTests
{
    private static string Gallium => Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml");

    private static async Task<(int Exit, string Output)> Invoke(string[] args, CancellationToken ct = default)
    {
        var console = new TestConsole().Width(200);
        var root = new RootCommand { RunCommand.Create(console), ServeCommand.Create(console) };
        var exit = await root.Parse(args).InvokeAsync(cancellationToken: ct);
        return (exit, console.Output);
    }

    [Fact]
    public async Task RunWithDashboard_WritesTheSameFilesAsAPlainRun_AndPrintsTheAddress()
    {
        // Given
        var plain = Directory.CreateTempSubdirectory("negsim-plain-").FullName;
        var live = Path.Combine(Directory.CreateTempSubdirectory("negsim-live-").FullName, "out");
        Assert.Equal(0, (await Invoke(["run", Gallium, "--rounds", "4", "--out", plain])).Exit);

        // When: it serves on after the run until Ctrl+C, which the test sends once the files are there
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var running = Invoke(["run", Gallium, "--rounds", "4", "--out", live, "--dashboard", "--urls", "http://127.0.0.1:0"], stop.Token);
        while (!File.Exists(Path.Combine(live, "stability.csv")) && !running.IsCompleted) await Task.Delay(50);
        await Task.Delay(300);
        await stop.CancelAsync();
        var (exit, output) = await running;

        // Then
        Assert.Equal(0, exit);
        Assert.Matches(@"Live page: http://127\.0\.0\.1:\d+/ +Orleans Dashboard: http://127\.0\.0\.1:\d+/dashboard/", output);
        Assert.Contains("round   4", output);
        foreach (var f in new[] { "summary.json", "rounds.csv", "prices.csv", "flows.csv", "membership.csv", "events.csv", "stability.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(plain, f)), File.ReadAllBytes(Path.Combine(live, f)));
    }

    [Fact]
    public async Task RunWithDashboard_ReferenceEngine_UsageExitTwo()
    {
        var (exit, output) = await Invoke(["run", Gallium, "--dashboard", "--engine", "reference"]);

        Assert.Equal(2, exit);
        Assert.Contains("--dashboard shows the grains engine", output);
    }

    [Fact]
    public async Task Serve_BrokenScenario_ExitOneWithPositionAndServesNothing()
    {
        // Given
        var dir = Directory.CreateTempSubdirectory("negsim-serve-").FullName;
        var broken = Path.Combine(dir, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(Gallium).Replace("rounds: 8", "rounds: eight"));

        // When
        var (exit, output) = await Invoke(["serve", broken, "--urls", "http://127.0.0.1:0"]);

        // Then
        Assert.Equal(1, exit);
        Assert.Contains("broken.yaml:", output);
        Assert.Contains("nothing was served", output);
        Assert.DoesNotContain("Live page", output);
    }
}
