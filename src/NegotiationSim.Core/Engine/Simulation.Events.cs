using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

public sealed partial class Simulation
{
    private List<(int Country, int Market, double Severity, int Duration)> ApplyScheduled(int round, List<RunEvent> events)
    {
        var disruptions = new List<(int, int, double, int)>();
        foreach (var e in ScheduledFor(round))
        {
            switch (e)
            {
                case Section232Threat t:
                    foreach (var target in t.Targets ?? AutoTargets(t))
                    {
                        if (_members[target] || _threats.For(target) is not null)
                        {
                            // A target the scenario or an instructor named can have joined (or been threatened) since: say the
                            // threat was dropped, so a watcher who expected it learns why nothing came. Auto targets are never members.
                            if (t.Targets is not null)
                            {
                                events.Add(Row(round, "section232-dropped", target, -1, null, t.Rate, _members[target]
                                    ? $"US drops its threat on {_world.Countries[target].Name}: it is in the bloc"
                                    : $"US drops a second threat on {_world.Countries[target].Name}: one already stands (deadline round {_threats.For(target)!.Deadline})"));
                            }
                            continue;
                        }
                        _threats.Active.Add(new ThreatBook.Threat(target, MarketStageSet.Of(t.Stages), t.Rate, t.Credibility, t.Deadline));
                        events.Add(Row(round, "section232-threat", target, -1, null, t.Rate,
                            $"US names {_world.Countries[target].Name}: join the bloc (or agree) by round {t.Deadline} or face {t.Rate:P0} on {MarketStageSet.Of(t.Stages)} exports (credibility {t.Credibility:P0})"));
                    }
                    break;
                case ExportControl c:
                    _controls.Controls.Add(c);
                    events.Add(Row(round, "export-control-announced", c.Exporter, c.Mineral, c.Stages[0], c.QuotaShare,
                        $"{c.Kind} on {_world.Minerals[c.Mineral].Name} ({string.Join("+", c.Stages.Select(Stages.Name))}) effective round {c.Effective}{LicenceNote(c)}; leakage {c.Leakage:P0}{HubNote(c)}"));
                    break;
                case ControlSuspension s:
                    _controls.Suspended.Add(s.ControlId);
                    var suspended = _controls.Controls.FirstOrDefault(c => c.Id == s.ControlId);
                    events.Add(Row(round, "export-control-suspended", suspended?.Exporter ?? -1, suspended?.Mineral ?? -1, null, 0,
                        $"control {s.ControlId} suspended (truce)"));
                    break;
                case Disruption d:
                    disruptions.Add((d.Country, new MarketId(d.Mineral, d.Stage).Index, d.Severity, d.Duration));
                    break;
                case Flood f:
                    _floods.Add((new ActiveFlood(f.Exporter, f.Mineral, f.Stage, f.Subsidy), round + f.Duration - 1));
                    events.Add(Row(round, "flood", f.Exporter, f.Mineral, f.Stage, f.Subsidy,
                        $"export subsidy {f.Subsidy:P0} for {Plural.Of(f.Duration, "round")} to push out marginal producers"));
                    break;
                case FinanceOffer f:
                    OpenOffer(round, f, events);
                    break;
                case MembershipMove mv:
                    if (mv.Join && !_members[mv.Country]) _joinAt[mv.Country] = round;
                    if (!mv.Join && _members[mv.Country]) _leaveAt[mv.Country] = round;
                    break;
            }
        }
        return disruptions;
    }

    private async Task StartStockpilesAsync(int round, List<RunEvent> events)
    {
        // Through ScheduledFor: a programme an instructor injects starts too, and one brought forward does not start twice.
        foreach (var p in ScheduledFor(round).OfType<StockpileProgramme>())
        {
            await _host.StartStockpileAsync(p);
            events.Add(Row(round, "stockpile", p.Country, -1, null, p.Budget,
                $"public stockpile programme of {p.Budget / 1e9:F1} bn $ for {string.Join(", ", p.Minerals.Select(m => _world.Minerals[m].Name))}"));
        }
    }

    /// <summary>Exporters of processed minerals to the US outside the bloc, from last round's flows.</summary>
    private IReadOnlyList<int> AutoTargets(Section232Threat t)
    {
        if (_last is null || _us < 0) return [];
        return _last.SelectMany(r => t.Stages.SelectMany(s => r.Stages[(int)s].Flows))
            .Where(f => f.Destination == _us && f.Origin != _us && !_members[f.Origin])
            .Select(f => f.Origin).Distinct().Order().ToArray();
    }

    private void ApplyMembershipChanges(int round, List<RunEvent> events)
    {
        _joinedThisRound.Clear();
        for (var j = 0; j < _members.Length; j++)
        {
            if (_joinAt[j] == round)
            {
                _members[j] = true;
                _joinAt[j] = -1;
                _joinedThisRound.Add(j);
                events.Add(Row(round, "joined", j, -1, null, 1, $"{_world.Countries[j].Name} is now a member of {_scenario.Bloc?.Name}"));
                // Joining answers the US as an agreement does (EndSection232): the threat ends, and so does a duty that landed.
                var threat = _threats.For(j);
                var duties = _threats.Duties.Where(x => x.Exporter == j).ToArray();
                if (threat is not null) _threats.Active.Remove(threat);
                foreach (var x in duties) _threats.Duties.Remove(x);
                if (threat is not null || duties.Length > 0)
                    events.Add(Row(round, "section232-ended", j, -1, null, 0,
                        threat is not null ? "threat withdrawn: the target joined the bloc" : "duty lifted: the target joined the bloc"));
                ChinaRetaliates(round, j, events);
            }
            if (_leaveAt[j] == round)
            {
                _members[j] = false;
                _leaveAt[j] = -1;
                events.Add(Row(round, "left", j, -1, null, 0, $"{_world.Countries[j].Name} leaves {_scenario.Bloc?.Name}"));
            }
        }
    }

    /// <summary>China's rule (§4.4): a joiner that depends on China for over half of a refined market may be licensed.</summary>
    private void ChinaRetaliates(int round, int joiner, List<RunEvent> events)
    {
        if (_last is null || _china < 0) return;
        var draws = new DrawStream(_scenario.Seed, round, Phase.Policy, _world.CountryCount + joiner);
        foreach (var r in _last)
        {
            var refined = r.Stages[(int)Stage.Refined];
            var use = refined.Use[joiner];
            var dependence = use > 0 ? refined.ImportsFromChina[joiner] / use : 0;
            var u = draws.NextDouble();
            if (dependence <= _scenario.Settings.ChinaDependenceThreshold || u >= _scenario.Settings.ChinaRetaliation) continue;
            var id = $"cn-retaliation-{_world.Countries[joiner].Id}-{_world.Minerals[r.Mineral].Id}-{round}";
            _controls.Controls.Add(new ExportControl(round, id, _china, r.Mineral, [Stage.Refined],
                new TargetSet(false, false, [joiner]), ControlKind.Licence, round + 1, 2, 0.15, 0, 0.1, 0.2, 0.05, []));
            events.Add(Row(round, "export-control-announced", _china, r.Mineral, Stage.Refined, dependence,
                $"China licenses exports to {_world.Countries[joiner].Name} after it joined: it relies on China for {dependence:P0} of refined {_world.Minerals[r.Mineral].Name}"));
        }
    }

    private void ResolveDeadlines(int round, List<RunEvent> events)
    {
        foreach (var t in _threats.Active.Where(t => t.Deadline == round).ToArray())
        {
            _threats.Active.Remove(t);
            var draw = new DrawStream(_scenario.Seed, round, Phase.Policy, t.Target).NextDouble();
            if (draw < t.Credibility)
            {
                _threats.Duties.Add(new Section232Duty(_us, t.Target, t.Stages, t.Rate));
                events.Add(Row(round, "section232-imposed", t.Target, -1, null, t.Rate,
                    $"deadline passed without agreement: {t.Rate:P0} duty on {t.Stages} exports to the US"));
            }
            else
            {
                events.Add(Row(round, "section232-lapsed", t.Target, -1, null, 0, "deadline passed; the US did not follow through"));
            }
        }
    }

    private static string LicenceNote(ExportControl c) =>
        c.Kind == ControlKind.Licence ? $", first licences {Plural.Of(c.LicenceDelay, "round")} later" : "";

    private string HubNote(ExportControl c) =>
        c.Hubs.Count == 0 ? "" : " via " + string.Join(", ", c.Hubs.Select(h => _world.Countries[h].Name));

    private RunEvent Row(int round, string kind, int country, int mineral, Stage? stage, double value, string reason) =>
        new(round, kind, country >= 0 ? _world.Countries[country].Id : "", mineral >= 0 ? _world.Minerals[mineral].Id : "",
            stage is { } s ? Stages.Name(s) : "", value, reason);
}
