using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Server.Live;

/// <summary>
/// Projects round reports into what the page draws. Reports carry events, not state, so the threats, duties, controls
/// and pending membership moves still in force are followed here from round to round (reports must come in order).
/// </summary>
public sealed class RoundViewBuilder
{
    /// <summary>Events the timeline leaves out: per-country routine (investment, capacity, recovery) would drown the rest.</summary>
    private static readonly HashSet<string> Routine = ["invest", "capacity", "recovery", "restart"];

    private readonly Scenario _scenario;
    private readonly string[] _countries;
    private readonly string _leader;
    private readonly Dictionary<string, string> _threats = [];
    private readonly Dictionary<string, string> _duties = [];
    private readonly HashSet<(string Exporter, string Mineral)> _controls = [];
    private readonly HashSet<string> _joining = [];
    private readonly HashSet<string> _leaving = [];
    private int _last;

    public RoundViewBuilder(Scenario scenario)
    {
        _scenario = scenario;
        _countries = scenario.World.Countries.Select(c => c.Id).ToArray();
        var leader = scenario.World.IndexOfRole(CountryRole.BlocLeader);
        _leader = leader >= 0 ? _countries[leader] : "";
    }

    public static RunInfo Info(string runId, string file, Scenario s)
    {
        var countries = s.World.Countries.Select((c, i) => new CountryInfo(c.Id, c.Name, Role(c.Role),
            c.Stance.Alignment, c.Stance.Security, c.Stance.Economic, s.Bloc?.IsEligible(i, s.World) ?? false)).ToArray();
        return new RunInfo(runId, file, s.Name, s.Question, s.StartMonth, s.Rounds, s.Seed, s.Bloc?.Name ?? "",
            countries, s.World.Minerals.Select(m => m.Id).ToArray(), [.. Enumerable.Range(0, Stages.Count).Select(i => Stages.Name((Stage)i))]);
    }

    private static string Role(CountryRole r) => r switch
    {
        CountryRole.BlocLeader => "leader",
        CountryRole.China => "china",
        _ => "country",
    };

    public RoundView Build(RoundReport r, double completedAtMs)
    {
        if (r.Round != _last + 1) throw new InvalidOperationException($"round {r.Round} reached the page builder after round {_last}");
        _last = r.Round;
        var links = new List<LinkView>();
        foreach (var e in r.Events) Follow(e, links);
        links.AddRange(_threats.Select(t => new LinkView("threat", _leader, t.Key, t.Value)));
        links.AddRange(_duties.Select(t => new LinkView("duty", _leader, t.Key, t.Value)));
        links.AddRange(_controls.SelectMany(c => ControlLinks(r, c.Exporter, c.Mineral)));
        var members = r.Members.ToHashSet();
        _joining.RemoveWhere(members.Contains);
        _leaving.RemoveWhere(c => !members.Contains(c));
        return new RoundView(r.Round, r.Month, r.Members, [.. _joining.Order()], [.. _leaving.Order()],
            r.Prices.Select(p => new PriceView(p.Mineral, p.Stage, N(p.Member), N(p.Outsider), N(p.China), p.Floor > 0 ? N(p.Floor) : null)).ToArray(),
            Security(r, out var shares), shares, links,
            r.Events.Where(e => !Routine.Contains(e.Kind)).Select(e => new EventView(e.Round, e.Kind, e.Country, e.Mineral, e.Stage, e.Reason)).ToArray(),
            r.Stability.InternallyStable, r.Stability.ExternallyStable, completedAtMs);
    }

    private void Follow(RunEvent e, List<LinkView> links)
    {
        switch (e.Kind)
        {
            case "section232-threat":
                _threats[e.Country] = $"Section 232 threat {e.Value:P0}";
                break;
            case "section232-imposed":
                _threats.Remove(e.Country);
                _duties[e.Country] = $"Section 232 duty {e.Value:P0}";
                break;
            case "section232-lapsed":
                _threats.Remove(e.Country);
                break;
            case "section232-ended":
                _threats.Remove(e.Country);
                links.Add(new LinkView("deal", _leader, e.Country, "threat withdrawn: joined the bloc"));
                break;
            case "joined":
                links.Add(new LinkView("deal", _leader, e.Country, $"joined {_scenario.Bloc?.Name}"));
                break;
            case "decides-to-join":
                _joining.Add(e.Country);
                break;
            case "decides-to-leave":
                _leaving.Add(e.Country);
                break;
            case "export-control-announced":
                _controls.Add((e.Country, e.Mineral));
                break;
            case "export-control-suspended":
                _controls.Remove((e.Country, e.Mineral));
                break;
        }
    }

    /// <summary>A control is drawn to the exporter's three largest customers for that mineral this round: the flows it bites on.</summary>
    private static IEnumerable<LinkView> ControlLinks(RoundReport r, string exporter, string mineral) =>
        r.Flows.Where(f => f.Origin == exporter && f.Mineral == mineral && f.Destination != exporter && f.Stage != "ore")
            .GroupBy(f => f.Destination).Select(g => (To: g.Key, Tonnes: g.Sum(f => f.Tonnes)))
            .OrderByDescending(x => x.Tonnes).Take(3)
            .Select(x => new LinkView("control", exporter, x.To, $"{mineral} export control"));

    /// <summary>Refined stage, every country × mineral: net import reliance (0..1) and share of world output.</summary>
    private IReadOnlyList<double?[]> Security(RoundReport r, out IReadOnlyList<double?[]> shares)
    {
        var minerals = _scenario.World.Minerals.Select(m => m.Id).ToArray();
        var reliance = _countries.Select(_ => new double?[minerals.Length]).ToArray();
        var share = _countries.Select(_ => new double?[minerals.Length]).ToArray();
        var country = _countries.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var mineral = minerals.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var refined = r.Rows.Where(x => x.Stage == "refined").ToArray();
        foreach (var group in refined.GroupBy(x => x.Mineral))
        {
            var m = mineral[group.Key];
            var world = group.Sum(x => x.Output);
            foreach (var x in group)
            {
                var i = country[x.Country];
                reliance[i][m] = x.Use > 0 ? N(Math.Clamp((x.Imports - x.Exports) / x.Use, 0, 1)) : null;
                share[i][m] = world > 0 ? N(x.Output / world) : null;
            }
        }
        shares = share;
        return reliance;
    }

    private static double? N(double x) => double.IsFinite(x) ? x : null;
}
