using System.CommandLine;
using System.Text.Json;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim run --format/--quiet/--verbose`: data alone on standard output for pipes; people's lines on standard error.</summary>
public sealed class RunOutputTests
{
    private static readonly string Scenario = Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml");

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] options)
    {
        var (stdout, stderr) = (new TestConsole().Width(200), new TestConsole().Width(200));
        var root = new RootCommand { RunCommand.Create(stdout, stderr) };
        var outDir = Directory.CreateTempSubdirectory("negsim-format-").FullName;
        try
        {
            var exit = await root.Parse(["run", Scenario, "--rounds", "3", "--engine", "reference", "--out", outDir, .. options]).InvokeAsync();
            return (exit, stdout.Output, stderr.Output);
        }
        finally { Directory.Delete(outDir, recursive: true); }
    }

    [Fact]
    public async Task Run_FormatJson_StandardOutputIsTheSummaryAlone()
    {
        var (exit, stdout, stderr) = await Run("--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Gallium licence (test world)", json.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("membership").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("membership")[2].GetProperty("count").GetInt32());
        Assert.Contains("3 rounds in", stderr);
    }

    [Fact]
    public async Task Run_FormatCsv_OneMeasureALine()
    {
        var (exit, stdout, _) = await Run("--format", "csv");

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("measure,mineral,stage,country,first,last", lines[0]);
        Assert.All(lines, l => Assert.Equal(6, l.Split(',').Length));
        Assert.Contains("bloc_members,,,,2,2", lines);
        Assert.Contains("floor,gallium,refined,,360000,360000", lines);
        Assert.Contains(lines, l => l.StartsWith("welfare_change,,,KOR,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("us_import_reliance,gallium,refined,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Quiet_OnlyTheFinalLine()
    {
        var (exit, stdout, stderr) = await Run("--quiet");

        Assert.Equal(0, exit);
        var line = Assert.Single(stdout.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("3 rounds in", line);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Run_Verbose_EachRoundsEventsWithReasonsAndWhoWouldJoin()
    {
        var (exit, stdout, _) = await Run("--verbose");

        Assert.Equal(0, exit);
        Assert.Contains("round   1 2023-06", stdout);
        Assert.Contains("    section232-threat KOR: US names Korea: join the bloc", stdout);
        Assert.Contains("    would join KOR (margin ", stdout);
        Assert.Contains("    export-control-announced CHN gallium refined: Licence on Gallium (refined)", stdout);
        Assert.Contains("Bloc members over time", stdout); // the summary tables still follow
        Assert.Contains("Charts of this run in one page: negsim report ", stdout);
    }

    [Fact]
    public async Task Run_QuietAndVerbose_UsageErrorExitTwo()
    {
        var (exit, stdout, stderr) = await Run("--quiet", "--verbose");
        Assert.Equal(2, exit);
        Assert.Contains("--quiet and --verbose cannot be used together", stdout + stderr);
    }

    [Fact]
    public async Task Run_FormatJsonBrokenScenario_ErrorsOnStandardErrorNothingOnStandardOutput()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-bad-").FullName, "bad.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Scenario)).Replace("founders: [USA, JPN]", "founders: [USA, JPM]"));
        var (stdout, stderr) = (new TestConsole().Width(200), new TestConsole().Width(200));
        var exit = await new RootCommand { RunCommand.Create(stdout, stderr) }.Parse(["run", file, "--format", "json"]).InvokeAsync();
        Assert.Equal(1, exit);
        Assert.Equal("", stdout.Output);
        Assert.Contains("bad.yaml:36:", stderr.Output);
    }

    [Fact]
    public async Task Run_TableBrokenScenario_ErrorsOnStandardErrorUnwrappedNothingOnStandardOutput()
    {
        // Given a broken scenario in a folder whose name alone nearly fills a narrow terminal
        var dir = Directory.CreateDirectory(Path.Combine(Directory.CreateTempSubdirectory("negsim-bad-").FullName, new string('d', 60))).FullName;
        var file = Path.Combine(dir, "bad.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Scenario)).Replace("founders: [USA, JPN]", "founders: [USA, JPM]"));
        var (stdout, stderr) = (new TestConsole().Width(80), new TestConsole().Width(80));

        // When it runs with the default format, the table
        var exit = await new RootCommand { RunCommand.Create(stdout, stderr) }.Parse(["run", file]).InvokeAsync();

        // Then the error is one line on standard error, position and all
        Assert.Equal(1, exit);
        Assert.Equal("", stdout.Output);
        Assert.Contains(stderr.Output.Split('\n'), l => l.StartsWith($"{file}:36:", StringComparison.Ordinal) && l.Contains("did you mean 'JPN'?"));
        Assert.Contains("1 error; nothing was run.", stderr.Output);
    }

    [Fact]
    public async Task Run_TableRoundsOutOfRange_ErrorOnStandardError()
    {
        var (stdout, stderr) = (new TestConsole().Width(200), new TestConsole().Width(200));

        var exit = await new RootCommand { RunCommand.Create(stdout, stderr) }.Parse(["run", Scenario, "--rounds", "0"]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.Equal("", stdout.Output);
        Assert.Contains("--rounds must be between 1 and 1200", stderr.Output);
    }
}
