using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// China's flooding rule (MODEL.md §4.4, §5.2): at each yearly review, if refining capacity outside China grew by more
/// than the trigger over the year, China subsidises its refined exports for a while. Capacity lead times are 36–60
/// months, so the library's runs rarely meet it; here a financed refinery in Japan arrives inside the second year.
/// </summary>
public sealed class ChinaFloodRuleTests
{
    private static IReadOnlyList<RoundReport> Run(string extraEvents, bool chinaMayFlood = true)
    {
        // The test world without its gallium licence, whose fading enforcement would move China's prices on its own.
        var lines = File.ReadAllLines(TestFiles.GalliumControl).ToList();
        var control = lines.FindIndex(l => l.Contains("export_control:"));
        lines.RemoveRange(control - 1, 2);
        var text = string.Join('\n', lines).Replace("rounds: 8", "rounds: 27") + "\n" + extraEvents;
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-flood-").FullName, "flood.yaml");
        File.WriteAllText(file, text);
        var scenario = ScenarioLoader.Load(file);
        if (!chinaMayFlood) scenario = scenario with { Settings = scenario.Settings with { FloodTrigger = double.PositiveInfinity } };
        return TestFiles.RunReference(scenario);
    }

    private static CountryMineralRow Refined(RoundReport r, string country) =>
        r.Rows.Single(x => x.Country == country && x.Mineral == "gallium" && x.Stage == "refined");

    [Fact]
    public void Review_NonChinaRefiningGrowsFast_ChinaFloodsAndUndercutsTheEntrant()
    {
        // Given a Japanese refinery of 60 t/yr (4× the non-Chinese total) arriving in round 14, between the reviews of
        // rounds 12 and 24
        const string Refinery = """
              - round: 1
                finance: { lender: USA, country: JPN, mineral: gallium, stage: refined, amount: 150000000, capacity: 60, lead_time: 13 }
            """;
        var plain = Run("");
        var grown = Run(Refinery);
        var unanswered = Run(Refinery, chinaMayFlood: false);

        // Then China floods at the round-24 review, and not without the new capacity
        var flood = Assert.Single(grown.SelectMany(r => r.Events), e => e.Kind == "flood");
        Assert.Equal((24, "CHN", "gallium", "refined"), (flood.Round, flood.Country, flood.Mineral, flood.Stage));
        Assert.Contains("non-China refining capacity grew", flood.Reason);
        Assert.DoesNotContain(plain.SelectMany(r => r.Events), e => e.Kind == "flood");

        // And from the next round China sells more refined gallium abroad, and Japan's refiners get less for theirs,
        // than in the same world where China does not answer
        var (flooded, calm) = (grown[25], unanswered[25]);
        Assert.Equal(Refined(grown[23], "JPN").FobPrice, Refined(unanswered[23], "JPN").FobPrice, 6);
        Assert.True(Refined(flooded, "CHN").Exports > 1.05 * Refined(calm, "CHN").Exports,
            $"China's exports {Refined(calm, "CHN").Exports:N1} → {Refined(flooded, "CHN").Exports:N1}");
        Assert.True(Refined(flooded, "JPN").FobPrice < 0.99 * Refined(calm, "JPN").FobPrice,
            $"Japan's price {Refined(calm, "JPN").FobPrice:N0} → {Refined(flooded, "JPN").FobPrice:N0}");
    }
}
