using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Live;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// What the world view draws follows the reports: a threat stays until it is settled, a control goes to the countries it
/// targets, and a negotiated deal is drawn seller → buyer with the terms, reason and Nash distance of its session.
/// </summary>
public sealed class RoundViewBuilderTests
{
    private static readonly Scenario Gallium = Load();

    private static Scenario Load()
    {
        Assert.True(ScenarioLoader.TryLoad(Path.Combine(LiveHost.Repo(), "tests", "data", "gallium-control.yaml"), out var s, out _));
        return s!;
    }

    private static RoundReport Report(int round, string[] members, params RunEvent[] events) =>
        new(round, $"m{round}", members, [], [], [new FlowRow("gallium", "refined", "CHN", "JPN", 50, 1), new FlowRow("gallium", "refined", "CHN", "DEU", 10, 1)],
            [], events, new StabilityReport(true, true, [], []), 1);

    private static RunEvent Event(int round, string kind, string country, string mineral = "") => new(round, kind, country, mineral, "", 0.25, "why");

    [Fact]
    public void Threat_StaysUntilImposed_ThenDrawnAsADuty()
    {
        var builder = new RoundViewBuilder(Gallium);

        var r1 = builder.Build(Report(1, ["USA"], Event(1, "section232-threat", "KOR")), 0);
        var r2 = builder.Build(Report(2, ["USA"]), 0);
        var r3 = builder.Build(Report(3, ["USA"], Event(3, "section232-imposed", "KOR")), 0);

        Assert.Equal(("threat", "USA", "KOR"), Single(r1));
        Assert.Equal(("threat", "USA", "KOR"), Single(r2));
        Assert.Equal(("duty", "USA", "KOR"), Single(r3));
    }

    [Fact]
    public void Joiner_IsJoiningUntilItJoins_AndTheJoinIsADealThatEndsItsThreat()
    {
        var builder = new RoundViewBuilder(Gallium);

        var r1 = builder.Build(Report(1, ["USA"], Event(1, "section232-threat", "KOR"), Event(1, "decides-to-join", "KOR")), 0);
        var r2 = builder.Build(Report(2, ["USA", "KOR"], Event(2, "joined", "KOR"), Event(2, "section232-ended", "KOR")), 0);
        var r3 = builder.Build(Report(3, ["USA", "KOR"]), 0);

        Assert.Equal(["KOR"], r1.Joining);
        Assert.Empty(r2.Joining);
        Assert.Equal([("join", "KOR", "USA"), ("withdrawn", "USA", "KOR")], r2.Links.Select(l => (l.Kind, l.From, l.To)));
        Assert.Contains("joined", r2.Links[0].Label);
        Assert.Contains("threat withdrawn", r2.Links[1].Label);
        Assert.DoesNotContain(r2.Links, l => l.Deal is not null);
        Assert.Empty(r3.Links);
    }

    [Fact]
    public void Control_DrawnToItsTargets_NotToTheExportersLargestBuyers()
    {
        var builder = new RoundViewBuilder(Gallium);
        var onKorea = new ControlRow("ga-ban", "CHN", "gallium", ["refined"], "ban", "in-force", "list", ["KOR"]);

        var r1 = builder.Build(Report(1, ["USA"]) with { Controls = [onKorea] }, 0);
        var r2 = builder.Build(Report(2, ["USA"]), 0); // suspended: no longer in the report

        // JPN and DEU buy most of China's gallium in these reports, but the control names Korea.
        Assert.Equal([("control", "CHN", "KOR")], r1.Links.Select(l => (l.Kind, l.From, l.To)));
        Assert.Contains("gallium ban", r1.Links[0].Label);
        Assert.Empty(r2.Links);
    }

    [Fact]
    public void Control_OnTheBloc_IsDrawnToEachMember_AndOnEveryone_AsOneLinkToAll()
    {
        var builder = new RoundViewBuilder(Gallium);
        var onBloc = new ControlRow("cn-bloc", "CHN", "gallium", ["refined"], "licence", "announced", "bloc", ["USA", "KOR"]);
        var onAll = new ControlRow("cn-all", "CHN", "gallium", ["refined"], "licence", "in-force", "all", ["USA", "KOR", "JPN", "DEU", "ROW"]);

        var view = builder.Build(Report(1, ["USA", "KOR"]) with { Controls = [onBloc, onAll] }, 0);

        Assert.Equal(["USA", "KOR", "*"], view.Links.Select(l => l.To));
        Assert.Contains("announced", view.Links[0].Label);
        Assert.Contains("every other country", view.Links[2].Label);
    }

    [Fact]
    public void SignedDeal_IsDrawnSellerToBuyer_AndListedWithTermsReasonAndNashDistance_ThenInForceWithTheSameTerms()
    {
        var builder = new RoundViewBuilder(Gallium);
        var signed = Deal("signed", "price +5%, 12 months");
        var signing = Report(1, ["USA"], new RunEvent(1, "deal-signed", "KOR", "gallium", "refined", 40, "D0002 with Japan after 4 offers: price +5%, 12 months"))
            with { Deals = [signed], Sessions = [Session("S0002", "KOR relies on JPN for 60% of refined gallium", 0.25)] };

        var r1 = builder.Build(signing, 0);
        var r2 = builder.Build(Report(2, ["USA"]) with { Deals = [Deal("in-force", "")] }, 0);

        var link = Assert.Single(r1.Links);
        Assert.Equal(("signed", "JPN", "KOR", "D0002"), (link.Kind, link.From, link.To, link.Deal));
        Assert.Contains("price +5%, 12 months", link.Label);
        var listed = Assert.Single(r1.Events).Reason;
        Assert.Contains("KOR buys 40 t/month from JPN", listed);
        Assert.Contains("terms: price +5%, 12 months", listed);
        Assert.Contains("why: KOR relies on JPN", listed);
        Assert.Contains("0.25 from the Nash bargaining point", listed);
        Assert.Equal(0.25, Assert.Single(r1.Deals).DistanceToNash);

        var inForce = Assert.Single(r2.Links);
        Assert.Equal(("contract", "JPN", "KOR"), (inForce.Kind, inForce.From, inForce.To));
        Assert.Contains("price +5%, 12 months", inForce.Label);
        Assert.Equal("KOR relies on JPN for 60% of refined gallium", Assert.Single(r2.Deals).Reason);
    }

    [Fact]
    public void DealWithoutASession_TakesItsReasonFromTheSigningEvent()
    {
        var builder = new RoundViewBuilder(Gallium);
        var signing = Report(1, ["USA"], new RunEvent(1, "deal-signed", "KOR", "gallium", "refined", 40, "D0002 with Japan, agreed by people: price +5%"))
            with { Deals = [Deal("signed", "price +5%")] };

        var view = builder.Build(signing, 0);

        Assert.Equal("D0002 with Japan, agreed by people: price +5%", Assert.Single(view.Deals).Reason);
        Assert.Null(view.Deals[0].DistanceToNash);
        Assert.DoesNotContain("Nash", Assert.Single(view.Events).Reason);
    }

    [Fact]
    public void VoidedDeal_IsListedButNotDrawn()
    {
        var builder = new RoundViewBuilder(Gallium);

        var view = builder.Build(Report(1, ["USA"]) with { Deals = [Deal("voided", "force majeure: export ban")] }, 0);

        Assert.Empty(view.Links);
        Assert.Equal("force majeure: export ban", Assert.Single(view.Deals).Note);
    }

    private static DealRow Deal(string status, string note) =>
        new("D0002", status, "KOR", "JPN", "gallium", "refined", 40, 500_000, status == "voided" ? double.NaN : 480_000, 2, 13, 0.1, 0, 0, false, 0, note);

    private static SessionReport Session(string id, string reason, double nash) =>
        new(id, 1, "KOR", "JPN", "gallium", "refined", reason, "boulware", "conceder", "agreed", "", 3, 12, 100, 20, 0, 0,
            "price +5%, 12 months", 1, 1, "price +4%, 12 months", nash, 0, []);

    [Fact]
    public void Routine_InvestmentEvents_AreLeftOffTheTimeline()
    {
        var builder = new RoundViewBuilder(Gallium);

        var view = builder.Build(Report(1, ["USA"], Event(1, "invest", "JPN", "gallium"), Event(1, "disruption", "CHN", "gallium")), 0);

        Assert.Equal(["disruption"], view.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Rounds_OutOfOrder_AreRefused()
    {
        var builder = new RoundViewBuilder(Gallium);
        builder.Build(Report(1, ["USA"]), 0);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(Report(3, ["USA"]), 0));
        Assert.Contains("round 3", error.Message);
    }

    private static (string, string, string) Single(RoundView v)
    {
        var l = Assert.Single(v.Links);
        return (l.Kind, l.From, l.To);
    }
}
