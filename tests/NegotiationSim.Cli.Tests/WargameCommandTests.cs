using System.CommandLine;
using System.Text.RegularExpressions;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim wargame` as an instructor starts it for a class: addresses they can copy and teams can reach.</summary>
public sealed class WargameCommandTests
{
    private static string Classroom => Path.Combine(RunCommandTests.Repo(), "scenarios", "classroom-wargame.yaml");

    /// <summary>Starts the war-game, waits for its start-up lines, stops it (as Ctrl+C does) and returns its output.</summary>
    private static async Task<(int Exit, string Output)> StartAndStop(params string[] extra)
    {
        var journal = Path.Combine(Directory.CreateTempSubdirectory("negsim-wargame-cli-").FullName, "game.jsonl");
        var console = new TestConsole().Width(80); // a classroom terminal, where a wrapped URL cannot be clicked
        var root = new RootCommand { WargameCommand.Create(console) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var running = root.Parse(["wargame", Classroom, "--journal", journal, .. extra]).InvokeAsync(cancellationToken: stop.Token);
        while (!console.Output.Contains("/dashboard/", StringComparison.Ordinal) && !running.IsCompleted) await Task.Delay(50);
        await stop.CancelAsync();
        var exit = await running;
        return (exit, console.Output.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BoundToEveryInterface_InstructorUrlIsLocalAndUnbroken_TeamsGetThePublicUrl()
    {
        var (exit, output) = await StartAndStop("--urls", "http://0.0.0.0:0", "--public-url", "http://10.0.0.5:5393/");

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        // Each address is a whole line of its own, though longer than the terminal is wide.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^http://127\.0\.0\.1:\d+/wargame/instructor\.html#key=[A-Z0-9]{20}$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^http://127\.0\.0\.1:\d+/dashboard/\?key=[A-Z0-9]{20}$"));
        var teams = Array.FindIndex(lines, l => l.StartsWith("Teams join at", StringComparison.Ordinal));
        Assert.True(teams >= 0, output);
        Assert.Equal("http://10.0.0.5:5393", lines[teams + 1]);
        Assert.DoesNotContain("0.0.0.0", output);
    }

    [Fact]
    public async Task PublicUrl_NotAnAddress_UsageExitTwo()
    {
        var (exit, output) = await StartAndStop("--public-url", "10.0.0.5");

        Assert.Equal(2, exit);
        Assert.Contains("--public-url: '10.0.0.5' is not an address teams can open; give one like http://10.0.0.5:5393",
            Regex.Replace(output, @"\s+", " ")); // a message, unlike an address, may wrap
    }
}
