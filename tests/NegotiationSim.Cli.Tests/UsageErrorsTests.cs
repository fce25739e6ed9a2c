using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>A bad option value, as a user types it: the option and what it takes on standard error, exit 2 (usage).</summary>
public sealed class UsageErrorsTests
{
    private static readonly string Scenario = Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml");

    private static async Task<(int Exit, string Stdout, string Stderr)> Negsim(params string[] args)
    {
        var (console, stdout, stderr) = (new TestConsole().Width(200), new StringWriter(), new StringWriter());
        var root = new RootCommand { RunCommand.Create(console), WargameCommand.Create(console) };
        var exit = await UsageErrors.InvokeAsync(root.Parse(args), new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout + console.Output, stderr.ToString());
    }

    [Theory]
    [InlineData("--seed", "abc", "--seed: 'abc' is not a whole number")]
    [InlineData("--rounds", "1.5", "--rounds: '1.5' is not a whole number")]
    [InlineData("-r", "99999999999", "--rounds: '99999999999' is out of range (-2147483648 to 2147483647)")]
    [InlineData("--engine", "foo", "--engine: 'foo' is not one of grains, reference")]
    [InlineData("--engine", "1", "--engine: '1' is not one of grains, reference")]
    [InlineData("--format", "xml", "--format: 'xml' is not one of table, json, csv")]
    public async Task Run_BadOptionValue_NamesTheOptionAndWhatItTakesExitTwo(string option, string value, string expected)
    {
        // When
        var (exit, stdout, stderr) = await Negsim("run", Scenario, option, value);

        // Then
        Assert.Equal(2, exit);
        Assert.StartsWith(expected + Environment.NewLine, stderr);
        Assert.Contains("'negsim run --help' lists the options.", stderr);
        Assert.DoesNotContain("System.", stderr);
        Assert.Equal("", stdout); // nothing ran, and no help page lands where a pipe expects data
    }

    [Fact]
    public async Task Wargame_BadRoundSeconds_NamesTheOptionExitTwo()
    {
        var (exit, _, stderr) = await Negsim("wargame", Scenario, "--round-seconds", "ten");

        Assert.Equal(2, exit);
        Assert.Contains("--round-seconds: 'ten' is not a whole number", stderr);
    }

    [Fact]
    public async Task Run_UnknownOption_UsageExitTwo()
    {
        var (exit, _, stderr) = await Negsim("run", Scenario, "--seeds", "3");

        Assert.Equal(2, exit);
        Assert.Contains("--seeds", stderr);
    }

    [Fact]
    public async Task Run_EngineInAnyCase_Accepted()
    {
        var dir = Directory.CreateTempSubdirectory("negsim-engine-").FullName;
        var (exit, _, stderr) = await Negsim("run", Scenario, "--rounds", "1", "--engine", "Reference", "--format", "JSON", "--out", dir);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Directory.Delete(dir, recursive: true);
    }
}
