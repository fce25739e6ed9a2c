using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim schema`: the schema an editor reads, written from the language the loader uses.</summary>
public sealed class SchemaCommandTests
{
    private static async Task<(int Exit, string Output, string Stdout)> Schema(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var stdout = new StringWriter();
        var root = new RootCommand { SchemaCommand.Create(console, stdout) };
        var exit = await root.Parse(["schema", .. args]).InvokeAsync();
        return (exit, console.Output, stdout.ToString());
    }

    private static string Committed => File.ReadAllText(Path.Combine(RunCommandTests.Repo(), "scenarios", "scenario.schema.json"));

    [Fact]
    public async Task Schema_Out_WritesTheCommittedSchema()
    {
        // Given
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-schema-").FullName, "scenario.schema.json");

        // When
        var (exit, output, _) = await Schema("--out", file);

        // Then
        Assert.Equal(0, exit);
        Assert.Contains("schema written to", output);
        Assert.True(File.ReadAllText(file) == Committed, "scenarios/scenario.schema.json differs from what `negsim schema` writes");
    }

    [Fact]
    public async Task Schema_NoOptions_WritesJsonToStandardOutput()
    {
        var (exit, _, stdout) = await Schema();
        Assert.Equal(0, exit);
        Assert.Equal(Committed, stdout);
        Assert.Contains("\"export_control\"", stdout);
    }

    [Fact]
    public async Task Schema_DocsPageWithoutMarkers_UsageExitTwoPageUntouched()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("negsim-docs-").FullName, "page.md");
        File.WriteAllText(page, "# no markers here\n");
        var (exit, output, _) = await Schema("--docs", page);
        Assert.Equal(2, exit);
        Assert.Contains("no key reference markers", output);
        Assert.Equal("# no markers here\n", File.ReadAllText(page));
    }
}
