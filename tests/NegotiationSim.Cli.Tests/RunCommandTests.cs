using System.CommandLine;
using System.Runtime.CompilerServices;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim run` as an analyst uses it: the files it writes, what it prints, and how it refuses bad input.</summary>
public sealed class RunCommandTests
{
    internal static string Repo([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var console = new TestConsole().Width(160);
        var root = new RootCommand { RunCommand.Create(console) };
        var exit = await root.Parse(args).InvokeAsync();
        return (exit, console.Output);
    }

    [Fact]
    public async Task Run_SameSeedBothEngines_WritesIdenticalFiles()
    {
        // Given
        var scenario = Path.Combine(Repo(), "tests", "data", "gallium-control.yaml");
        var grains = Directory.CreateTempSubdirectory("negsim-grains-").FullName;
        var reference = Directory.CreateTempSubdirectory("negsim-ref-").FullName;

        // When
        var (exitGrains, output) = await Run("run", scenario, "--rounds", "4", "--out", grains, "--engine", "grains");
        var (exitReference, _) = await Run("run", scenario, "--rounds", "4", "--out", reference, "--engine", "reference");

        // Then
        Assert.Equal(0, exitGrains);
        Assert.Equal(0, exitReference);
        string[] files = ["summary.json", "rounds.csv", "prices.csv", "flows.csv", "membership.csv", "events.csv", "stability.csv"];
        foreach (var f in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, f)), File.ReadAllBytes(Path.Combine(grains, f)));
        Assert.Contains("round   4", output);
        Assert.Contains("Bloc members over time", output);
        Assert.Contains("export-control-announced", output);
        Assert.Equal(1 + 4 * 6, File.ReadAllLines(Path.Combine(reference, "membership.csv")).Length); // header + rounds × countries
    }

    [Fact]
    public async Task Run_MoreMovesThanTheTableShows_CaptionCountsTheRestInEventsCsv()
    {
        // Given FORGE's first month: more moves than the summary's table has rows for
        var scenario = Path.Combine(Repo(), "scenarios", "forge-ministerial-2026.yaml");
        var dir = Directory.CreateTempSubdirectory("negsim-moves-").FullName;

        // When
        var (exit, output) = await Run("run", scenario, "--rounds", "1", "--engine", "reference", "--out", dir);

        // Then the table says how many it left out, and they are in events.csv
        Assert.Equal(0, exit);
        var events = Reports.CsvTable.Read(Path.Combine(dir, "events.csv"), "kind");
        var moves = Enumerable.Range(0, events.Rows.Count).Count(i => events.Text(i, "kind") is not ("invest" or "capacity" or "recovery" or "disruption"));
        Assert.True(moves > RunDigest.ShownMoves, $"{moves} moves");
        Assert.Contains($"… and {moves - RunDigest.ShownMoves} more in events.csv", output);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Run_Folder_SaysItIsAFolderNotAScenarioFile()
    {
        var folder = Path.Combine(Repo(), "scenarios");

        var (exit, output) = await Run("run", folder, "--engine", "reference");

        Assert.Equal(1, exit);
        Assert.Contains("is a folder, not a scenario file", output);
        Assert.DoesNotContain("Could not find file", output);
    }

    [Fact]
    public async Task Run_OneRoundOneMineral_CountsReadInTheSingular()
    {
        // Given the one-mineral gallium world with a one-month disruption, run for one round
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-one-").FullName, "one.yaml");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(Repo(), "tests", "data", "gallium-control.yaml")) +
            "  - round: 1\n    disruption: { country: JPN, mineral: gallium, stage: refined, duration: 1 }\n");

        // When
        var (exit, output) = await Run("run", file, "--rounds", "1", "--engine", "reference", "--verbose", "--out", Path.Combine(Path.GetDirectoryName(file)!, "out"));

        // Then
        Assert.Equal(0, exit);
        Assert.Contains("6 countries × 1 mineral × 3 stages, 1 round from 2023-06", output);
        Assert.Contains("disruption JPN gallium refined: scheduled disruption for 1 round", output);
        Assert.Contains("1 round in ", output);
        Assert.DoesNotMatch(@"\b1 (rounds|minerals|sessions|offers)\b", output);
    }

    [Fact]
    public async Task Run_UnknownCountry_ExitOneWithPositionAndNoFiles()
    {
        // Given
        var text = File.ReadAllText(Path.Combine(Repo(), "tests", "data", "gallium-control.yaml")).Replace("founders: [USA, JPN]", "founders: [USA, JPM]");
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-bad-").FullName, "bad.yaml");
        File.WriteAllText(file, text);
        var output = Path.Combine(Path.GetDirectoryName(file)!, "out");

        // When
        var (exit, printed) = await Run("run", file, "--out", output);

        // Then
        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml:36:", printed);
        Assert.Contains("did you mean 'JPN'?", printed);
        Assert.DoesNotContain("   at ", printed);
        Assert.False(Directory.Exists(output));
    }
}

/// <summary>`negsim validate`: exit codes and every error of every file.</summary>
public sealed class ValidateCommandTests
{
    private static string Repo() => RunCommandTests.Repo();

    private static async Task<(int Exit, string Output)> Validate(params string[] files)
    {
        var console = new TestConsole().Width(200);
        var root = new RootCommand { ValidateCommand.Create(console) };
        var exit = await root.Parse(["validate", .. files]).InvokeAsync();
        return (exit, console.Output);
    }

    [Fact]
    public async Task Validate_Library_AllValidExitZero()
    {
        var files = Directory.GetFiles(Path.Combine(Repo(), "scenarios"), "*.yaml");
        var (exit, output) = await Validate(files);
        Assert.Equal(0, exit);
        Assert.Contains("forge-ministerial-2026.yaml: valid", output);
        Assert.Contains($"{files.Length} files checked in", output);
    }

    [Fact]
    public async Task Validate_TwoBrokenFiles_EveryErrorExitOne()
    {
        var dir = Directory.CreateTempSubdirectory("negsim-validate-").FullName;
        var good = File.ReadAllText(Path.Combine(Repo(), "tests", "data", "gallium-control.yaml"));
        File.WriteAllText(Path.Combine(dir, "a.yaml"), good.Replace("founders: [USA, JPN]", "founders: [USA, JPM]").Replace("rounds: 8", "rounds: -1"));
        File.WriteAllText(Path.Combine(dir, "b.yaml"), "name: [broken\n");
        var (exit, output) = await Validate(Path.Combine(dir, "a.yaml"), Path.Combine(dir, "b.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("a.yaml:36:", output);
        Assert.Contains("a.yaml:7:", output);
        Assert.Contains("b.yaml:", output);
    }

    [Fact]
    public async Task Validate_Folder_SaysItIsAFolderNotAScenarioFile()
    {
        var folder = Path.Combine(Repo(), "scenarios");

        var (exit, output) = await Validate(folder);

        Assert.Equal(1, exit);
        Assert.Contains($"{folder}:1:1: is a folder, not a scenario file: name the files in it, e.g. {folder}/*.yaml", output);
        Assert.DoesNotContain("Could not find file", output);
    }

    [Fact]
    public async Task Validate_OneFileOneMineral_CountsReadInTheSingular()
    {
        var (exit, output) = await Validate(Path.Combine(Repo(), "tests", "data", "gallium-control.yaml"));

        Assert.Equal(0, exit);
        Assert.Contains("gallium-control.yaml: valid (6 countries × 1 mineral, 8 rounds, 2 events)", output);
        Assert.Contains("1 file checked in", output);
    }

    [Fact]
    public async Task Validate_Classroom_GivesTheRoundsSimulatedAndTheRoundsAClassPlays()
    {
        // The file simulates 13 months; its wargame: section has a class play 12 (round r's decisions shape month r + 1).
        var (exit, output) = await Validate(Path.Combine(Repo(), "scenarios", "classroom-wargame.yaml"));

        Assert.Equal(0, exit);
        Assert.Contains("classroom-wargame.yaml: valid (10 countries × 4 minerals, 13 rounds, 3 events; a war-game plays 12 rounds)", output);
        Assert.Contains("13 monthly rounds (a class plays 12", File.ReadAllText(Path.Combine(Repo(), "scenarios", "README.md")));
    }

    [Fact]
    public async Task Validate_NoFiles_UsageExitTwo() => Assert.Equal(2, (await Validate()).Exit);
}
