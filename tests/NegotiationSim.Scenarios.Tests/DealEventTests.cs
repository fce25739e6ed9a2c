using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>The `deal:` event: a deal the scenario signs (e.g. a 2025 framework), on the negotiation's grid of terms.</summary>
public sealed class DealEventTests
{
    private static string WithEvents(string events) => TestFiles.GalliumWith(events, "negsim-deal-");

    private static IReadOnlyList<RoundReport> Run(string file)
    {
        var scenario = ScenarioLoader.Load(file);
        return TestFiles.RunReference(scenario);
    }

    [Fact]
    public void Deal_UsBuysFromThreatenedKorea_SignedInTheScenarioEndsTheThreatAndIsInForceNextRound()
    {
        // Given Korea under a Section 232 threat (deadline round 4), and a deal the scenario signs in round 2
        var reports = Run(WithEvents("""
              - round: 2
                deal: { id: US-KOR-gallium, buyer: USA, seller: KOR, mineral: gallium, stage: refined, offtake: 0.2, months: 12, buyer_tariff_cut: 1 }
            """));
        var events = reports.SelectMany(r => r.Events).ToArray();

        // Then it is signed in round 2 with its terms, in force from round 3, and the threat ends before its deadline
        var signedIn = Assert.Single(reports, r => r.Deals.Any(d => d.Status == "signed"));
        var signed = Assert.Single(signedIn.Deals, d => d.Status == "signed");
        Assert.Equal((2, "US-KOR-gallium", "USA", "KOR"), (signedIn.Round, signed.Id, signed.Buyer, signed.Seller));
        Assert.Contains("offtake 20%", signed.Note);
        Assert.Contains(reports[2].Deals, d => d.Id == "US-KOR-gallium" && d.Status == "in-force");
        Assert.Contains(events, e => e.Kind == "deal-signed" && e.Reason.Contains("in the scenario"));
        var ended = Assert.Single(events, e => e.Kind == "section232-ended" && e.Country == "KOR");
        Assert.True(ended.Round < 4);
        Assert.DoesNotContain(events, e => e.Kind == "section232-imposed" && e.Country == "KOR");
    }

    [Fact]
    public void Deal_TermsOffTheGridOrBadIds_EveryErrorWhereItIsWritten()
    {
        var file = WithEvents("""
              - round: 2
                deal: { id: D0001, buyer: USA, seller: USA, mineral: gallium, offtake: 0.15, months: 24 }
              - round: 3
                deal: { id: twice, buyer: USA, seller: KOR, mineral: gallium }
              - round: 4
                deal: { id: twice, buyer: JPN, seller: KOR, mineral: gallium }
            """);

        Assert.False(ScenarioLoader.TryLoad(file, out _, out var errors));
        var text = string.Join("\n", errors.Select(e => e.ToString()));
        Assert.Contains("id 'D0001' looks like a negotiated deal's", text);
        Assert.Contains("buyer and seller are the same country", text);
        Assert.Contains("offtake 0.15 is not on the negotiation's grid; use one of 0, 0.05, 0.1, 0.2, 0.4", text);
        Assert.Contains("months 24 is not on the negotiation's grid; use one of 12, 36, 60", text);
        Assert.Contains("deal id 'twice' is already used", text);
        Assert.All(errors, e => Assert.True(e.Line > 40, e.ToString()));
    }
}
