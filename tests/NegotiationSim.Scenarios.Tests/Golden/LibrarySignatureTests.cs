using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests.Golden;

/// <summary>
/// What the library's historical scenarios must show, whatever the exact numbers (which the goldens pin): the
/// direction and timing an analyst would check first. Runs are shared with the golden tests.
/// </summary>
public sealed class LibrarySignatureTests
{
    private static IReadOnlyList<RoundReport> Rounds(string name) => LibraryRuns.Get(name).Rounds;

    private static CountryMineralRow Row(IReadOnlyList<RoundReport> rounds, int round, string country, string mineral, string stage) =>
        rounds[round - 1].Rows.Single(r => r.Country == country && r.Mineral == mineral && r.Stage == stage);

    private static MarketPrices Prices(IReadOnlyList<RoundReport> rounds, int round, string mineral, string stage) =>
        rounds[round - 1].Prices.Single(p => p.Mineral == mineral && p.Stage == stage);

    [Theory]
    [InlineData("gallium")]
    [InlineData("germanium")]
    public void GalliumGermanium2023_Licence_V5Signature(string mineral)
    {
        var rounds = Rounds("gallium-germanium-controls-2023");
        double Exports(int t) => Row(rounds, t, "CHN", mineral, "refined").Exports;

        // July 2023 (round 2, announced): buyers front-load; August (round 3, in force, no approvals yet): exports collapse.
        Assert.True(Exports(2) > Exports(1), $"Jul {Exports(2)} vs Jun {Exports(1)}");
        Assert.True(Exports(3) < 0.2 * Exports(1), $"Aug {Exports(3)} vs Jun {Exports(1)}");
        // China's own price falls while the price outside China rises.
        Assert.True(Row(rounds, 3, "CHN", mineral, "refined").FobPrice < Row(rounds, 1, "CHN", mineral, "refined").FobPrice);
        Assert.True(Prices(rounds, 3, mineral, "refined").Outsider > 1.2 * Prices(rounds, 1, mineral, "refined").Outsider);
        // Exports recover as licences are granted.
        Assert.True(Exports(8) > 2 * Exports(3), $"Jan 2024 {Exports(8)} vs Aug 2023 {Exports(3)}");
    }

    [Fact]
    public void GalliumGermanium2023_BanToUs_CutsUsImportsFromChina()
    {
        var rounds = Rounds("gallium-germanium-controls-2023");
        Assert.True(Row(rounds, 19, "USA", "gallium", "refined").ImportsFromChina < 0.5 * Row(rounds, 18, "USA", "gallium", "refined").ImportsFromChina);
    }

    [Fact]
    public void RareEarths2025_OutsidePrice_RisesAfterAprilAndEasesAfterNovemberSuspension()
    {
        var rounds = Rounds("china-rare-earth-controls-2025");
        double Outside(int t) => Prices(rounds, t, "rare_earths", "refined").Outsider;

        Assert.True(Outside(4) > 1.5 * Outside(3), $"Apr {Outside(4)} vs Mar {Outside(3)}");
        Assert.True(Outside(10) > Outside(9), $"Oct {Outside(10)} vs Sep {Outside(9)}: the October announcement");
        Assert.True(Outside(14) < 0.8 * Outside(10), $"Feb 2026 {Outside(14)} vs Oct 2025 {Outside(10)}");
    }

    [Fact]
    public void PredatoryFlood_FloodFires_AnEntrantMothballs()
    {
        var events = Rounds("predatory-flood").SelectMany(r => r.Events).ToArray();
        Assert.Contains(events, e => e.Kind == "flood" && e.Country == "CHN" && e.Mineral == "rare_earths" && e.Round == 7);
        Assert.Contains(events, e => e.Kind == "exit" && e.Mineral == "rare_earths" && e.Stage == "refined" && e.Country is "USA" or "MYS" or "EST");
    }

    [Fact]
    public void ForgeMinisterial_ConditionalFinance_PaidOnlyToAJoiner()
    {
        var rounds = Rounds("forge-ministerial-2026");
        var events = rounds.SelectMany(r => r.Events).ToArray();
        foreach (var committed in events.Where(e => e.Kind == "finance-committed" && e.Round > 1))
            Assert.Contains(committed.Country, rounds[committed.Round - 1].Members);
        Assert.True(rounds[^1].Members.Count > 9, $"members at the end: {string.Join(' ', rounds[^1].Members)}");
    }

    [Fact]
    public void Section232Ultimatum_Deadline_DutiesOnlyOnTargetsOutsideTheAgreement()
    {
        var rounds = Rounds("section232-ultimatum-2026");
        var imposed = rounds.SelectMany(r => r.Events).Where(e => e.Kind == "section232-imposed").ToArray();
        Assert.NotEmpty(imposed);
        Assert.All(imposed, e => Assert.Equal(7, e.Round));
        Assert.All(imposed, e => Assert.DoesNotContain(e.Country, rounds[6].Members));
    }
}
