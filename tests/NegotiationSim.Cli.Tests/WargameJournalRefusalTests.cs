using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim wargame` on a journal it must not resume: one line naming the file, line and reason; exit 1; the file kept.</summary>
public sealed class WargameJournalRefusalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-wargame-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Wargame_JournalCutInsideItsFirstLine_ExitOneWithOneLine_AndTheJournalKept()
    {
        // Given: the game's creation cut short by a crash or a bad copy
        var journal = Path.Combine(_dir, "class.jsonl");
        await File.WriteAllTextAsync(journal, "{\"kind\":\"created\",\"at\":\"2026-11-23T09:00:00+00:00\",\"scenarioName\":\"gallium-negotiation.yaml\",\"scen");
        var before = await File.ReadAllBytesAsync(journal);
        var console = new TestConsole().Width(80);
        var gallium = Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-negotiation.yaml");

        // When
        var exit = await new RootCommand { WargameCommand.Create(console) }
            .Parse(["wargame", gallium, "--journal", journal, "--urls", "http://127.0.0.1:0"]).InvokeAsync();

        // Then: one line, not wrapped at the console's width, and no stack trace
        Assert.Equal(1, exit);
        Assert.Equal($"{journal}:1: the game's creation is cut short (no end of line): the journal is damaged and was left as it is",
            console.Output.TrimEnd('\n', '\r'));
        Assert.Equal(before, await File.ReadAllBytesAsync(journal));
    }
}
