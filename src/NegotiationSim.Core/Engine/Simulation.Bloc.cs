using NegotiationSim.Core.Bloc;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

public sealed partial class Simulation
{
    // Scale factors of the non-market payoff terms, as shares of the value at stake [A] (MODEL.md §4.1).
    private const double ChinaControlLoss = 0.3;
    private const double SecurityValue = 0.05;
    private const double AlignmentValue = 0.02;

    private async Task<StabilityReport> DecideMembershipAsync(int round, IReadOnlyList<MineralResult> results, List<RunEvent> events)
    {
        var bloc = _scenario.Bloc!;
        var market = await _host.AppraiseMembershipAsync((bool[])_members.Clone(), _floors);
        var probes = _threats.Active.Where(t => _us >= 0).Select(t => new Section232Probe(t.Target, _us, t.Stages, t.Rate)).ToArray();
        var losses = probes.Length == 0 ? [] : await _host.Section232LossesAsync(probes);
        double Loss232(int j)
        {
            var k = Array.FindIndex(probes, p => p.Target == j);
            return k < 0 ? 0 : losses.Sum(m => m[k]);
        }
        var n = _world.CountryCount;
        var payoffs = new Payoff[n];
        for (var j = 0; j < n; j++) payoffs[j] = Appraise(j, market.Sum(m => m[j]), Loss232(j), results);

        var eligible = Enumerable.Range(0, n).Select(j => bloc.IsEligible(j, _world)).ToArray();
        var stability = CoalitionStability.Assess(_members, eligible, j => payoffs[j].Total);
        StabilityMargin Margin(CountryMargin m) => new(_world.Countries[m.Country].Id, m.Margin, payoffs[m.Country].Reasons);

        // Applications made last round (a bloc that admits by vote) are voted on first, on this round's market.
        var votedOn = bloc.AdmissionRule.Votes ? await VoteOnApplicationsAsync(round, results, events) : [];

        // Sequential best response in a seeded order; a move takes effect after its notice period.
        var order = new DrawStream(_scenario.Seed, round, Phase.Policy, -1).Permutation(n);
        foreach (var j in order)
        {
            // A refused applicant may apply again, but not in the round that refused it.
            if (_joinAt[j] >= 0 || _leaveAt[j] >= 0 || _appliedAt[j] >= 0 || votedOn.Contains(j)) continue;
            if (TeamPlays(j)) continue; // the team decided at the start of the round (TakeTeamAnswers)
            var p = payoffs[j];
            if (!_members[j] && bloc.IsEligible(j, _world) && p.Total > p.Threshold)
                DecideToJoin(round, j, p.Total, $"in beats out by {p.Total:G4} $/month (> hysteresis {p.Threshold:G4}): {p.Reasons}", events);
            else if (_members[j] && !bloc.Founders.Contains(j) && p.Total < -p.Threshold)
            {
                _leaveAt[j] = round + Math.Max(1, bloc.NoticeLeave);
                events.Add(Row(round, "decides-to-leave", j, -1, null, p.Total, $"out beats in by {-p.Total:G4} $/month: {p.Reasons}"));
            }
        }
        return new StabilityReport(stability.InternallyStable, stability.ExternallyStable,
            stability.WouldLeave.Select(Margin).ToArray(), stability.WouldJoin.Select(Margin).ToArray());
    }

    private sealed record Payoff(double Total, double Threshold, string Reasons);

    /// <summary>
    /// ΔU_j = U(in) − U(out) with its components (§4.1); the reasons are the top three by size. The market term and
    /// the Section 232 loss L232_j come from linear what-ifs; the other terms are shares of the value at stake [A].
    /// </summary>
    private Payoff Appraise(int j, double marketGain, double section232Loss, IReadOnlyList<MineralResult> results)
    {
        var stance = _world.Countries[j].Stance;
        var stake = 0.0;
        var fromChina = 0.0;
        var chinaExposure = 0.0;
        var threat = _threats.For(j);
        foreach (var r in results)
        {
            for (var s = 0; s < Stages.Count; s++)
            {
                var st = r.Stages[s];
                stake += (st.Output[j] + st.Use[j]) * st.Price[j];
                if (_china >= 0) fromChina += st.ImportsFromChina[j] * st.Price[_china];
                if (s == (int)Stage.Refined && _china >= 0 && st.Use[j] > 0
                    && st.ImportsFromChina[j] / st.Use[j] > _scenario.Settings.ChinaDependenceThreshold)
                    chinaExposure += st.ImportsFromChina[j] * st.Price[_china];
            }
        }
        var components = new (string Name, double Value)[]
        {
            ("market effects of the floor and levy", stance.Economic * marketGain),
            ("Section 232 duty avoided", threat is null ? 0 : stance.Economic * threat.Credibility * section232Loss),
            ("expected Chinese retaliation", -stance.Economic * _scenario.Settings.ChinaRetaliation * ChinaControlLoss * chinaExposure),
            ("security of supply", stance.Security * SecurityValue * fromChina),
            ("alignment", stance.Alignment * AlignmentValue * stake),
            ("compliance cost", -(_scenario.Bloc?.ComplianceCost ?? 0) * stake),
            ("finance offered on joining", _members[j] ? 0 : stance.Economic * FinanceOnJoining(j)),
        };
        var reasons = string.Join("; ", components.Where(c => c.Value != 0).OrderByDescending(c => Math.Abs(c.Value)).Take(3)
            .Select(c => $"{c.Name} {c.Value:+#,0;-#,0;0} $"));
        return new Payoff(components.Sum(c => c.Value), stance.Hysteresis * stake, reasons);
    }
}
