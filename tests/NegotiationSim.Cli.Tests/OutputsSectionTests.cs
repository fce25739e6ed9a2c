using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>The scenario's `outputs:` section: where `negsim run` writes when no --out is given, and the report with it.</summary>
public sealed class OutputsSectionTests
{
    private static async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var console = new TestConsole().Width(160);
        var root = new RootCommand { RunCommand.Create(console) };
        var exit = await root.Parse(args).InvokeAsync();
        return (exit, console.Output);
    }

    private static string Scenario(string outputs)
    {
        var dir = Directory.CreateTempSubdirectory("negsim-outputs-").FullName;
        File.Copy(Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml"), Path.Combine(dir, "gallium-control.yaml"));
        var file = Path.Combine(dir, "analysis", "mine.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"extends: ../gallium-control.yaml\nrounds: 3\n{outputs}");
        return file;
    }

    [Fact]
    public async Task Run_OutputsFolderAndReport_WritesThereRelativeToTheFile()
    {
        // Given a scenario that names its folder (relative to itself) and asks for the report
        var file = Scenario("outputs: { folder: ../results/first, report: true }\n");
        var expected = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "results", "first"));

        // When it runs without --out
        var (exit, output) = await Run("run", file, "--engine", "reference");

        // Then the files and the page are there
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(expected, "summary.json")), output);
        var page = File.ReadAllText(Path.Combine(expected, "report.html"));
        Assert.Contains("</html>", page);
        Assert.Contains("report written to", output);
    }

    [Fact]
    public async Task Run_OutFlag_OverridesTheScenariosFolder()
    {
        var file = Scenario("outputs: { folder: ../results/ignored }\n");
        var chosen = Directory.CreateTempSubdirectory("negsim-chosen-").FullName;

        var (exit, _) = await Run("run", file, "--engine", "reference", "--out", chosen);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(chosen, "rounds.csv")));
        Assert.False(File.Exists(Path.Combine(chosen, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(file)!, "..", "results", "ignored")));
    }

    [Fact]
    public async Task Run_ReportNotABoolean_IsRefusedWhereItIsWritten()
    {
        var file = Scenario("outputs:\n  report: yes\n");

        var (exit, output) = await Run("run", file, "--engine", "reference");

        Assert.Equal(1, exit);
        Assert.Contains("mine.yaml:4:11", output);
        Assert.Contains("'report' must be true or false", output);
    }

    [Fact]
    public async Task Run_OutIsAnExistingFile_UsageErrorNamingItBeforeTheRun()
    {
        // Given a file where the folder should be
        var file = Scenario("");
        var taken = Path.Combine(Path.GetDirectoryName(file)!, "notes.txt");
        File.WriteAllText(taken, "mine");

        // When
        var (exit, output) = await Run("run", file, "--engine", "reference", "--out", taken);

        // Then nothing ran and the file is as it was
        Assert.Equal(2, exit);
        Assert.Contains($"--out: '{taken}' is a file; name a folder", output);
        Assert.DoesNotContain("round   1", output);
        Assert.Equal("mine", File.ReadAllText(taken));
    }

    [Fact]
    public async Task Run_OutputsFolderIsAnExistingFile_SaysSoBeforeTheRun()
    {
        var file = Scenario("outputs: { folder: notes.txt }\n");
        var taken = Path.Combine(Path.GetDirectoryName(file)!, "notes.txt");
        File.WriteAllText(taken, "mine");

        var (exit, output) = await Run("run", file, "--engine", "reference");

        Assert.Equal(1, exit);
        Assert.Contains($"outputs.folder: '{taken}' is a file", output);
        Assert.DoesNotContain("round   1", output);
    }

    [Fact]
    public async Task RunHelp_OutDefault_NamesTheScenariosFolderFirst()
    {
        var help = new StringWriter();

        var exit = await new RootCommand { RunCommand.Create(new TestConsole()) }.Parse(["run", "--help"])
            .InvokeAsync(new InvocationConfiguration { Output = help });

        // Help wraps its descriptions at the terminal's width; the words are what count.
        Assert.Equal(0, exit);
        Assert.Contains("output folder (default: the scenario's outputs: { folder: … }, relative to the scenario file, else a new folder under ./runs)",
            string.Join(' ', help.ToString().Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
