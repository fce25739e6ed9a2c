using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// A team's answers reach the engine one round after the team saw the world it answered (the war-game shows simulated
/// round r while teams decide, and their decisions go into round r + 1), so the engine counts them from round r, as a
/// computer's decision in round r's policy phase. In tests/data/gallium-control.yaml the US names Korea in round 1:
/// "join the bloc (or agree) by round 4"; a computer that decides in round 3 joins in round 4 and the threat is withdrawn.
/// </summary>
public sealed class TeamAnswerTimingTests
{
    private static readonly Scenario Scenario = ScenarioLoader.Load(TestFiles.GalliumControl);

    /// <summary>Rounds 1..last with Korea played by a team that answers only in the directives of <paramref name="answered"/>.</summary>
    private static IReadOnlyList<RoundReport> Run(int last, int answered, Func<int, RoundDirectives> answer)
    {
        var kor = Scenario.World.CountryIndex("KOR");
        var simulation = new Simulation(Scenario, new ReferenceHost(Scenario));
        return Enumerable.Range(1, last).Select(r => simulation.RunRoundAsync(r, r == answered ? answer(kor)
            : new RoundDirectives([kor], [], [], [])).GetAwaiter().GetResult()).ToArray();
    }

    private static IEnumerable<RunEvent> Korea(IEnumerable<RoundReport> reports, params string[] kinds) =>
        reports.SelectMany(r => r.Events).Where(e => e.Country == "KOR" && kinds.Contains(e.Kind));

    [Fact]
    public void Join_GivenInRound3_ReachesRound4_JoinsThereAndMeetsTheRound4Deadline()
    {
        var reports = Run(5, 4, kor => new RoundDirectives([kor], [new BlocDirective(kor, true)], [], []));
        Assert.Single(Korea(reports, "section232-threat"));
        var round4 = reports[3];
        Assert.Contains("KOR", round4.Members);
        Assert.DoesNotContain("KOR", reports[2].Members);
        Assert.Equal([4, 4, 4], Korea([round4], "decides-to-join", "joined", "section232-ended").Select(e => e.Round));
        Assert.Empty(Korea(reports, "section232-imposed", "section232-lapsed"));
    }

    [Fact]
    public void Join_GivenInRound4_IsTooLate_TheDeadlineWasJudgedInRound4()
    {
        var reports = Run(6, 5, kor => new RoundDirectives([kor], [new BlocDirective(kor, true)], [], []));
        Assert.Equal(4, Assert.Single(Korea(reports, "section232-imposed", "section232-lapsed")).Round);
        Assert.Contains("KOR", reports[4].Members); // the join itself still counts from round 4
    }

    [Fact]
    public void DealWithTheUs_AgreedInRound3_EndsTheThreatBeforeTheRound4Deadline()
    {
        var w = Scenario.World;
        var (kor, usa) = (w.CountryIndex("KOR"), w.CountryIndex("USA"));
        var reports = Run(4, 4, _ => new RoundDirectives([kor, usa], [], [new AgreedDeal("W1", usa, kor, w.MineralIndex("gallium"), Stage.Refined, 0)], []));
        var round4 = reports[3];
        Assert.Contains(round4.Deals, d => d.Id == "W1" && d.Status == "signed");
        var ended = Assert.Single(Korea([round4], "section232-ended"));
        Assert.Contains("agreed deal W1 with the US", ended.Reason);
        Assert.Empty(Korea(reports, "section232-imposed", "section232-lapsed"));
    }
}
