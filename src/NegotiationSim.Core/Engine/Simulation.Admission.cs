using NegotiationSim.Core.Bloc;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// Admission to the bloc. Under `admission: open` a country that decides to join joins after its notice. Under
/// `admission: vote` the decision is an application: the members vote on it in the next round's policy phase, on that
/// round's market (computer-played members by the linear what-if of admitting the applicant, team-played members as
/// their team voted, abstaining if it did not), and the bloc's threshold decides (docs/bloc-admission.md).
/// </summary>
public sealed partial class Simulation
{
    /// <param name="decided">The round a join under notice counts from: this round, or the round before for a team's decision.</param>
    private void DecideToJoin(int round, int j, double value, string reason, List<RunEvent> events, int? decided = null)
    {
        var bloc = _scenario.Bloc!;
        var from = decided ?? round;
        if (!bloc.AdmissionRule.Votes)
        {
            _joinAt[j] = from + Math.Max(1, bloc.NoticeJoin);
            events.Add(Row(round, "decides-to-join", j, -1, null, value, reason));
            return;
        }
        // An application is voted on the round after it is made public, so team-played members can see it and vote: a
        // team's application counts from the round it appears in, not the round before.
        _appliedAt[j] = round;
        events.Add(Row(round, "applies-to-join", j, -1, null, value, $"{reason}; the members vote next round ({bloc.AdmissionRule.Name})"));
    }

    /// <summary>Every application made before this round is voted on, in country order, against today's membership.</summary>
    /// <returns>The applicants voted on.</returns>
    private async Task<HashSet<int>> VoteOnApplicationsAsync(int round, IReadOnlyList<MineralResult> results, List<RunEvent> events)
    {
        var votedOn = new HashSet<int>();
        var bloc = _scenario.Bloc!;
        var rule = bloc.AdmissionRule;
        var members = (bool[])_members.Clone();
        for (var a = 0; a < _world.CountryCount; a++)
        {
            if (_appliedAt[a] < 0 || _appliedAt[a] >= round) continue;
            var applied = _appliedAt[a];
            _appliedAt[a] = -1;
            if (_members[a] || _joinAt[a] >= 0) continue; // in by the scenario's political decision meanwhile
            votedOn.Add(a);
            var applicant = _world.Countries[a].Name;
            var what = await _host.AppraiseAdmissionAsync(members, _floors, a);
            var ballots = new List<Ballot>();
            for (var i = 0; i < _world.CountryCount; i++)
            {
                if (!members[i]) continue;
                // A team votes during the game round that shows the last round, where its country was not yet a member: it
                // could not vote, so it does not count as abstaining (a computer member decides now, on this round's market).
                if (TeamPlays(i) && _joinedThisRound.Contains(i)) continue;
                var (ballot, value, reason) = TeamPlays(i) ? TeamBallot(i, a) : ComputerBallot(i, applicant, what.Sum(m => m[i]), results);
                ballots.Add(ballot);
                var kind = ballot switch { Ballot.Admit => "votes-to-admit", Ballot.Refuse => "votes-to-refuse", _ => "abstains" };
                events.Add(Row(round, kind, i, -1, null, value, $"on {applicant} ({_world.Countries[a].Id}): {reason}"));
            }
            var (admitted, why) = AdmissionVote.Count(ballots, rule);
            if (admitted) _joinAt[a] = Math.Max(round + 1, applied + Math.Max(1, bloc.NoticeJoin));
            events.Add(Row(round, admitted ? "admitted" : "refused", a, -1, null, ballots.Count(b => b == Ballot.Admit), why));
        }
        return votedOn;
    }

    private (Ballot, double, string) TeamBallot(int member, int applicant)
    {
        var vote = _directives.Votes?.LastOrDefault(v => v.Voter == member && v.Applicant == applicant);
        return vote is null ? (Ballot.Abstain, 0, "the team did not vote")
            : (vote.Admit ? Ballot.Admit : Ballot.Refuse, 0, "the team's vote");
    }

    /// <summary>The member's welfare with the applicant in rather than out, weighed by its economic stance, against its hysteresis band.</summary>
    private (Ballot, double, string) ComputerBallot(int member, string applicant, double marketGain, IReadOnlyList<MineralResult> results)
    {
        var stance = _world.Countries[member].Stance;
        var gain = stance.Economic * marketGain;
        var band = stance.Hysteresis * Stake(member, results);
        var ballot = AdmissionVote.Decide(gain, band);
        return (ballot, gain, AdmissionVote.Reason(ballot, applicant, gain, band));
    }

    /// <summary>
    /// Per country, W(F ∪ {applicant}) − W(F) in $/month on the last round's market (the linear what-if the computer's
    /// members vote by, before their stance weighs it): what admission is worth to a team voting on it.
    /// </summary>
    public async Task<double[]> ValueAdmissionAsync(int applicant)
    {
        if (_last is null) throw new InvalidOperationException("admission is valued on a round's market: run a round first");
        var gains = await _host.AppraiseAdmissionAsync((bool[])_members.Clone(), _floors, applicant);
        return Enumerable.Range(0, _world.CountryCount).Select(i => gains.Sum(m => m[i])).ToArray();
    }

    /// <summary>The value of a country's output and use of the minerals this round: the scale of its hysteresis band (§4.2).</summary>
    private static double Stake(int j, IReadOnlyList<MineralResult> results)
    {
        var stake = 0.0;
        foreach (var r in results)
            for (var s = 0; s < Stages.Count; s++)
                stake += (r.Stages[s].Output[j] + r.Stages[s].Use[j]) * r.Stages[s].Price[j];
        return stake;
    }
}
