using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Core.Engine;

/// <summary>Section 232 threats in flight and duties in force (MODEL.md §4.4): a threat ends when its target joins the bloc, or at its deadline.</summary>
internal sealed class ThreatBook
{
    public sealed record Threat(int Target, MarketStageSet Stages, double Rate, double Credibility, int Deadline);

    public List<Threat> Active { get; } = [];
    public List<Section232Duty> Duties { get; } = [];

    public Threat? For(int country) => Active.FirstOrDefault(t => t.Target == country);
}

/// <summary>Export controls announced so far, with their suspensions.</summary>
internal sealed class ControlBook
{
    public List<ExportControl> Controls { get; } = [];
    public HashSet<string> Suspended { get; } = [];

    /// <summary>Controls biting in round t, with today's approval share and leakage (MODEL.md §5.1).</summary>
    public IEnumerable<ActiveControl> InForce(int round, bool[] members)
    {
        foreach (var c in Controls)
        {
            if (round < c.Effective || Suspended.Contains(c.Id)) continue;
            var since = round - c.Effective;
            var allowed = c.Kind switch
            {
                ControlKind.Ban => 0.0,
                ControlKind.Licence => since < c.LicenceDelay ? 0.0 : Math.Min(1.0, c.ApprovalRamp * (since - c.LicenceDelay + 1)),
                _ => c.QuotaShare,
            };
            var targets = members.Select((m, j) => j != c.Exporter && c.Targets.Includes(j, m)).ToArray();
            yield return new ActiveControl(c.Id, c.Exporter, c.Mineral, MarketStageSet.Of(c.Stages), targets, allowed,
                c.Leakage * Math.Exp(-c.EnforcementDecay * since), c.LeakCost, c.Hubs);
        }
    }

    /// <summary>Controls announced by round t and not suspended, with their targets resolved against this round's members.</summary>
    public IEnumerable<Reports.ControlRow> Standing(int round, bool[] members, World.WorldDefinition world)
    {
        foreach (var c in Controls)
        {
            if (round < c.Round || Suspended.Contains(c.Id)) continue;
            var targets = world.Countries.Where((_, j) => j != c.Exporter && c.Targets.Includes(j, members[j])).Select(x => x.Id).ToArray();
            var scope = c.Targets.All ? "all" : c.Targets.Bloc ? "bloc" : "list";
            yield return new Reports.ControlRow(c.Id, world.Countries[c.Exporter].Id, world.Minerals[c.Mineral].Id,
                [.. c.Stages.Select(World.Stages.Name)], c.Kind.ToString().ToLowerInvariant(),
                round >= c.Effective ? "in-force" : "announced", scope, targets);
        }
    }

    /// <summary>Per country and market index: a control that will hit it is announced but not yet in force.</summary>
    public bool[] Announced(int round, int country, bool isMember, int markets)
    {
        var flags = new bool[markets];
        foreach (var c in Controls)
        {
            if (round >= c.Effective || round < c.Round || Suspended.Contains(c.Id)) continue;
            if (country == c.Exporter || !c.Targets.Includes(country, isMember)) continue;
            foreach (var s in c.Stages) flags[new World.MarketId(c.Mineral, s).Index] = true;
        }
        return flags;
    }
}
