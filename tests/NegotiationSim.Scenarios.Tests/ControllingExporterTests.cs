using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// A state that restricts its own exports keeps its plants in that market running: the low home price is its policy,
/// not a market verdict on its plants (MODEL.md §4.4 state actor). Without this, every long Chinese control made China
/// mothball half its refining a year later and tripled world prices.
/// </summary>
public sealed class ControllingExporterTests
{
    private static IReadOnlyList<RoundReport> Run(string extra)
    {
        // Exits after two loss-making rounds, so the eight-round test world can show one.
        var text = File.ReadAllText(TestFiles.GalliumControl).Replace("bloc:\n", "settings: { exit_rounds: 2 }\nbloc:\n") + extra;
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-exit-").FullName, "exit.yaml");
        File.WriteAllText(file, text);
        var scenario = ScenarioLoader.Load(file);
        return TestFiles.RunReference(scenario);
    }

    private static bool ChinaRefinedExit(IReadOnlyList<RoundReport> rounds) =>
        rounds.SelectMany(r => r.Events).Any(e => e.Kind == "exit" && e.Country == "CHN" && e.Mineral == "gallium" && e.Stage == "refined");

    [Fact]
    public void ControlInForce_HomePriceDepressed_ControllingExporterKeepsItsPlants()
    {
        var rounds = Run("");
        var china = rounds[2].Rows.Single(r => r.Country == "CHN" && r.Mineral == "gallium" && r.Stage == "refined");
        Assert.True(china.FobPrice < 0.5 * 300_000, $"China's price {china.FobPrice} should be depressed by its own licence");
        Assert.False(ChinaRefinedExit(rounds));
    }

    [Fact]
    public void ControlInForce_OtherProducersSqueezed_StillExit()
    {
        // Product makers outside China pay the high outside price for refined gallium: the exit rule still applies to them.
        var rounds = Run("");
        Assert.Contains(rounds.SelectMany(r => r.Events), e => e.Kind == "exit" && e.Country == "JPN" && e.Mineral == "gallium" && e.Stage == "product");
    }
}
