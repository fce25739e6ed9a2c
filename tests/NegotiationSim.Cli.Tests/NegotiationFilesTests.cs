using System.CommandLine;
using System.Text.Json;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>What a run with negotiation leaves behind: deals.csv, negotiations.jsonl, and a deals table per round on screen.</summary>
public sealed class NegotiationFilesTests
{
    [Fact]
    public async Task Run_NegotiationWorldBothEngines_IdenticalDealsAndTranscripts()
    {
        // Given
        var scenario = Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-negotiation.yaml");
        var grains = Directory.CreateTempSubdirectory("negsim-neg-grains-").FullName;
        var reference = Directory.CreateTempSubdirectory("negsim-neg-ref-").FullName;

        // When
        var console = new TestConsole().Width(200);
        var root = new RootCommand { RunCommand.Create(console) };
        Assert.Equal(0, await root.Parse(["run", scenario, "--rounds", "6", "--out", grains, "--engine", "grains"]).InvokeAsync());
        Assert.Equal(0, await root.Parse(["run", scenario, "--rounds", "6", "--out", reference, "--engine", "reference"]).InvokeAsync());

        // Then both engines wrote the same deals and transcripts
        foreach (var f in new[] { "deals.csv", "negotiations.jsonl", "rounds.csv", "events.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, f)), File.ReadAllBytes(Path.Combine(grains, f)));
        var deals = File.ReadAllLines(Path.Combine(reference, "deals.csv"));
        Assert.StartsWith("round,month,deal,status,buyer,seller,mineral,stage,volume,delivered_tonnes,contract_price", deals[0]);
        Assert.Contains(deals, l => l.Contains(",signed,", StringComparison.Ordinal));
        // A deal with the US ends Korea's Section 232 threat before its deadline (round 4) in this world.
        Assert.Contains(File.ReadAllLines(Path.Combine(reference, "events.csv")),
            l => l.Contains("section232-ended,KOR", StringComparison.Ordinal) && l.Contains("agreed deal", StringComparison.Ordinal));

        // Every transcript line is JSON with its offers, each priced for both sides
        var sessions = File.ReadAllLines(Path.Combine(reference, "negotiations.jsonl"));
        Assert.NotEmpty(sessions);
        foreach (var line in sessions)
        {
            var s = JsonDocument.Parse(line).RootElement.GetProperty("session");
            Assert.True(s.GetProperty("offers").GetArrayLength() > 0);
            Assert.True(s.GetProperty("offers")[0].TryGetProperty("utility_seller", out _));
            Assert.True(s.TryGetProperty("zopa_size", out _));
        }

        // and the console showed the deals
        Assert.Contains("Deals, round", console.Output);
    }
}
