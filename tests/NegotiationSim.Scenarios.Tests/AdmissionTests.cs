using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// `bloc: admission: vote`: a country that wants in applies, the members vote the next round (computer-played members
/// by the what-if of admitting it, team-played members as their team voted, abstaining if it did not), and only an
/// admitted applicant joins. Without the key the bloc is open, as before (the goldens of scenarios without it hold).
/// </summary>
public sealed class AdmissionTests
{
    private const string Bloc = "  notice_join: 1\n  notice_leave: 2\n";

    private static Scenario Gallium(string admission)
    {
        var text = File.ReadAllText(TestFiles.GalliumControl);
        Assert.Contains(Bloc, text);
        var dir = Directory.CreateTempSubdirectory("negsim-admission-").FullName;
        var path = Path.Combine(dir, "s.yaml");
        File.WriteAllText(path, text.Replace(Bloc, Bloc + admission));
        try { return ScenarioLoader.Load(path); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private const string Vote = "  admission: vote   #";

    /// <summary>The classroom scenario (whose bloc admits by a majority vote), with its admission lines replaced by <paramref name="admission"/>.</summary>
    private static Scenario Classroom(string admission)
    {
        var path = Path.Combine(TestFiles.Scenarios, "classroom-wargame.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(Vote, text);
        var copy = Path.Combine(Directory.CreateTempSubdirectory("negsim-admission-").FullName, "classroom-wargame.yaml");
        var lines = text.Split('\n').Where(l => !l.StartsWith("  admission_threshold:", StringComparison.Ordinal)).ToArray();
        File.WriteAllText(copy, string.Join('\n', lines).Replace(Vote, admission + "   #"));
        try { return ScenarioLoader.Load(copy); }
        finally { Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true); }
    }

    private static IEnumerable<RunEvent> Of(RoundReport r, params string[] kinds) => r.Events.Where(e => kinds.Contains(e.Kind));

    [Fact]
    public void ByVote_EveryApplicationIsVotedOnByEveryMemberTheNextRound_AndOnlyTheAdmittedJoin()
    {
        var scenario = Classroom("  admission: vote");
        var reports = TestFiles.RunReference(scenario);
        var applications = reports.SelectMany(r => Of(r, "applies-to-join")).ToList();
        Assert.NotEmpty(applications);
        Assert.DoesNotContain(reports.SelectMany(r => r.Events), e => e.Kind == "decides-to-join");
        foreach (var a in applications.Where(a => a.Round < scenario.Rounds))
        {
            var next = reports[a.Round]; // round a.Round + 1
            var members = reports[a.Round - 1].Members;
            var votes = Of(next, "votes-to-admit", "votes-to-refuse", "abstains").Where(e => e.Reason.Contains($"({a.Country})")).ToList();
            Assert.Equal(members.Order(), votes.Select(v => v.Country).Order());
            var verdict = Assert.Single(Of(next, "admitted", "refused"), e => e.Country == a.Country);
            Assert.Contains("votes cast", verdict.Reason);
        }
        // Nobody is a member before the round after its admission.
        var founders = reports[0].Members;
        foreach (var r in reports)
            foreach (var m in r.Members.Except(founders))
                Assert.Contains(reports.Take(r.Round - 1).SelectMany(x => x.Events), e => e.Kind == "admitted" && e.Country == m);
    }

    [Fact]
    public void Open_IsTheDefault_AndTakesNoVote()
    {
        var reports = TestFiles.RunReference(Classroom("  # no admission key: open"));
        Assert.Contains(reports.SelectMany(r => r.Events), e => e.Kind == "decides-to-join");
        Assert.DoesNotContain(reports.SelectMany(r => r.Events), e => e.Kind is "applies-to-join" or "votes-to-admit" or "admitted");
    }

    /// <summary>KOR's team applies in round 1; in round 2 JPN's team refuses and USA is played by the computer or by a team that does not vote.</summary>
    private static RoundReport VoteOnKorea(Scenario scenario, bool usaTeamPlays)
    {
        var w = scenario.World;
        int kor = w.CountryIndex("KOR"), jpn = w.CountryIndex("JPN"), usa = w.CountryIndex("USA");
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        var first = simulation.RunRoundAsync(1, new RoundDirectives([kor], [new BlocDirective(kor, true)], [], [])).GetAwaiter().GetResult();
        Assert.Contains(first.Events, e => e.Kind == "applies-to-join" && e.Country == "KOR" && e.Reason.StartsWith("the team's decision", StringComparison.Ordinal));
        int[] played = usaTeamPlays ? [kor, jpn, usa] : [kor, jpn];
        return simulation.RunRoundAsync(2, new RoundDirectives(played, [], [], [], [new AdmissionBallot(jpn, kor, false)])).GetAwaiter().GetResult();
    }

    [Fact]
    public void TeamVotes_ATiedMajorityRefuses_AnAtLeastHalfShareAdmits()
    {
        var majority = VoteOnKorea(Gallium("  admission: vote\n"), usaTeamPlays: false);
        Assert.Contains(majority.Events, e => e.Kind == "votes-to-refuse" && e.Country == "JPN" && e.Reason.EndsWith("the team's vote", StringComparison.Ordinal));
        Assert.Contains(majority.Events, e => e.Kind == "votes-to-admit" && e.Country == "USA" && e.Reason.Contains("admitting Korea"));
        Assert.Equal("1 of 2 votes cast to admit (majority: more than half of the votes cast)", Assert.Single(majority.Events, e => e.Kind == "refused").Reason);

        var half = VoteOnKorea(Gallium("  admission: vote\n  admission_threshold: 0.5\n"), usaTeamPlays: false);
        Assert.Equal("KOR", Assert.Single(half.Events, e => e.Kind == "admitted").Country);
    }

    [Fact]
    public void TeamThatDoesNotVote_Abstains()
    {
        var report = VoteOnKorea(Gallium("  admission: vote\n  admission_threshold: unanimous\n"), usaTeamPlays: true);
        var usa = Assert.Single(report.Events, e => e.Country == "USA" && e.Kind is "votes-to-admit" or "votes-to-refuse" or "abstains");
        Assert.Equal("abstains", usa.Kind);
        Assert.Equal("on Korea (KOR): the team did not vote", usa.Reason);
        Assert.Contains(report.Events, e => e.Kind == "refused" && e.Country == "KOR" && e.Reason == "0 of 1 vote cast to admit (unanimous: every vote cast); 1 abstained");
    }

    [Theory]
    [InlineData("  admission: ballot\n", "unknown admission 'ballot'; use open or vote")]
    [InlineData("  admission: vote\n  admission_threshold: most\n", "unknown admission_threshold 'most'; use majority, two_thirds, unanimous or a share")]
    [InlineData("  admission: vote\n  admission_threshold: 0.4\n", "'admission_threshold' is 0.4, out of range [0.5, 1]")]
    [InlineData("  admission_threshold: two_thirds\n", "'admission_threshold' needs 'admission: vote'")]
    public void BadAdmission_ErrorNamesTheLineAndWhatIsWrong(string admission, string message)
    {
        var errors = TestFiles.ErrorsAfter(Bloc, Bloc + admission);
        var e = Assert.Single(errors);
        Assert.Contains(message, e.Message);
        Assert.Equal(41 + admission.Count(c => c == '\n') - 1, e.Line); // the key's own line, after notice_leave on line 40
        Assert.True(e.Column > 1);
    }
}
