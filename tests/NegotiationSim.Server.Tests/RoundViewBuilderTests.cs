using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Live;

namespace NegotiationSim.Server.Tests;

/// <summary>What the world view draws follows the events: a threat stays until it is settled, a control until it is suspended.</summary>
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
        Assert.All(r2.Links, l => Assert.Equal("deal", l.Kind));
        Assert.Equal(2, r2.Links.Count);
        Assert.Empty(r3.Links);
    }

    [Fact]
    public void Control_DrawnToTheExportersLargestBuyers_UntilSuspended()
    {
        var builder = new RoundViewBuilder(Gallium);

        var r1 = builder.Build(Report(1, ["USA"], Event(1, "export-control-announced", "CHN", "gallium")), 0);
        var r2 = builder.Build(Report(2, ["USA"], Event(2, "export-control-suspended", "CHN", "gallium")), 0);

        Assert.Equal(["JPN", "DEU"], r1.Links.Where(l => l.Kind == "control").Select(l => l.To));
        Assert.Empty(r2.Links);
    }

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
