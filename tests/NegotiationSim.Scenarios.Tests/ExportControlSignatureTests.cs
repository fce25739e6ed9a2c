using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// MODEL.md §8 V5: around a licence on Chinese refined gallium (announced round 2, in force from round 3, approvals
/// after a two-round delay), China's exports front-load then collapse, China's price falls while prices outside rise,
/// and exports recover as licences are granted while the outside premium persists.
/// </summary>
public sealed class ExportControlSignatureTests
{
    private static readonly Lazy<IReadOnlyList<RoundReport>> Run = new(() =>
    {
        var scenario = ScenarioLoader.Load(TestFiles.GalliumControl);
        return TestFiles.RunReference(scenario);
    });

    private static CountryMineralRow China(int round) =>
        Run.Value[round - 1].Rows.Single(r => r.Country == "CHN" && r.Mineral == "gallium" && r.Stage == "refined");

    private static MarketPrices Prices(int round) =>
        Run.Value[round - 1].Prices.Single(p => p.Mineral == "gallium" && p.Stage == "refined");

    [Fact]
    public void Report_ControlStandsFromItsAnnouncement_WithEveryOtherCountryAsItsTargets()
    {
        Assert.Empty(Run.Value[0].Controls);
        var announced = Assert.Single(Run.Value[1].Controls);
        var inForce = Assert.Single(Run.Value[2].Controls);

        Assert.Equal(("ga-licence", "CHN", "gallium", "licence", "announced", "all"),
            (announced.Id, announced.Exporter, announced.Mineral, announced.Kind, announced.Status, announced.Scope));
        Assert.Equal(["refined"], announced.Stages);
        Assert.Equal(["DEU", "JPN", "KOR", "ROW", "USA"], announced.Targets); // world order (by id), the exporter left out
        Assert.Equal("in-force", inForce.Status);
    }

    [Fact]
    public void ChinaExports_AnnouncedControl_RiseBeforeEffectiveDate() =>
        Assert.True(China(2).Exports > China(1).Exports, $"{China(2).Exports} vs {China(1).Exports}");

    [Fact]
    public void ChinaExports_FirstTwoRoundsInForce_AtMostFifthOfBase()
    {
        Assert.True(China(3).Exports <= 0.2 * China(1).Exports, $"{China(3).Exports} vs base {China(1).Exports}");
        Assert.True(China(4).Exports <= 0.2 * China(1).Exports, $"{China(4).Exports} vs base {China(1).Exports}");
    }

    [Fact]
    public void Prices_ControlInForce_ChinaFallsWhileOutsideRises()
    {
        Assert.True(China(3).FobPrice < China(1).FobPrice);
        Assert.True(Prices(3).Outsider > Prices(1).Outsider);
    }

    [Fact]
    public void OutsidePrice_WithinThreeRounds_RisesAtLeastThirtyPercent() =>
        Assert.True(new[] { 3, 4, 5 }.Max(t => Prices(t).Outsider) >= 1.3 * Prices(1).Outsider);

    [Fact]
    public void Recovery_LicencesGranted_ExportsRecoverPremiumPersists()
    {
        Assert.True(China(7).Exports > 2 * China(4).Exports, $"{China(7).Exports} vs {China(4).Exports}");
        Assert.True(Prices(7).Outsider > 1.3 * China(7).FobPrice, $"{Prices(7).Outsider} vs China {China(7).FobPrice}");
    }
}
