using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli.Tests;

/// <summary>The summary's stability line says what the verdict rests on, not only "externally unstable (41 would join)".</summary>
public sealed class StabilityLineTests
{
    [Fact]
    public void ExternallyUnstable_NamesWhoGainsMost_AndCountsThoseWithNothingAtStakeApart()
    {
        var report = new StabilityReport(true, false, [],
            [new("AGO", 0, ""), new("DEU", 77_712_401.9, "security"), new("BOL", 9_354.9, "alignment"), new("ARM", 0, "")]);
        Assert.Equal("Bloc stability in 2029-01: internally stable; externally unstable: 2 countries would gain by joining (most: DEU, 77.7 $ million/month); "
            + "2 countries with nothing at stake either way. A country moves only when its gain clears its hysteresis band (stability.csv has every margin)",
            Screens.StabilityLine(report, "2029-01"));
    }

    [Fact]
    public void Stable_IsOneShortLine_AndOneCountryIsSingular()
    {
        Assert.Equal("Bloc stability in 2026-12: internally stable; externally stable", Screens.StabilityLine(new StabilityReport(true, true, [], []), "2026-12"));
        Assert.Contains("internally unstable: 1 country would gain by leaving (most: MYS, 0.7 $ million/month);",
            Screens.StabilityLine(new StabilityReport(false, true, [new("MYS", -655_052.7, "retaliation")], []), "2026-02"));
    }
}
