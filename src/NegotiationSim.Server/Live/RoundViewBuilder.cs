using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Server.Live;

/// <summary>
/// Projects round reports into what the page draws. Reports carry events, not state, so the threats, duties and pending
/// membership moves still in force, and the terms of deals signed earlier, are followed here from round to round
/// (reports must come in order). Controls and deals in force come with each report.
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
    /// <summary>Terms, reason and Nash distance of every deal signed so far: in-force rows carry only the numbers.</summary>
    private readonly Dictionary<string, (string Terms, string Reason, double? Nash)> _signed = [];
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
        var deals = Deals(r);
        links.AddRange(deals.Where(d => d.Status is "signed" or "in-force" or "expired").Select(d =>
            new LinkView(d.Status == "signed" ? "signed" : "contract", d.Seller, d.Buyer, DealLabel(d), d.Id)));
        links.AddRange(_threats.Select(t => new LinkView("threat", _leader, t.Key, t.Value)));
        links.AddRange(_duties.Select(t => new LinkView("duty", _leader, t.Key, t.Value)));
        links.AddRange(r.Controls.SelectMany(ControlLinks));
        var signed = deals.Where(d => d.Status == "signed").ToDictionary(d => d.Id);
        var members = r.Members.ToHashSet();
        _joining.RemoveWhere(members.Contains);
        _leaving.RemoveWhere(c => !members.Contains(c));
        return new RoundView(r.Round, r.Month, r.Members, [.. _joining.Order()], [.. _leaving.Order()],
            r.Prices.Select(p => new PriceView(p.Mineral, p.Stage, N(p.Member), N(p.Outsider), N(p.China), p.Floor > 0 ? N(p.Floor) : null)).ToArray(),
            Security(r, out var shares), shares, links,
            r.Events.Where(e => !Routine.Contains(e.Kind)).Select(e => Timeline(e, signed)).ToArray(),
            r.Stability.InternallyStable, r.Stability.ExternallyStable, completedAtMs) { Deals = deals };
    }

    /// <summary>The round's deals, each with the terms and reasons of the session that signed it (remembered from then on).</summary>
    private DealView[] Deals(RoundReport r)
    {
        // Automatic sessions name their deal after themselves (S0007 signs D0007). Deals people agreed, or the scenario
        // signed, have no session: their reason is the signing event's.
        var sessions = r.Sessions.ToDictionary(s => s.Id.Replace('S', 'D'));
        var signings = r.Events.Where(e => e.Kind == "deal-signed").GroupBy(e => e.Reason.Split(' ', 2)[0]).ToDictionary(g => g.Key, g => g.First().Reason);
        return [.. r.Deals.Select(d =>
        {
            if (d.Status == "signed")
            {
                var session = sessions.GetValueOrDefault(d.Id);
                _signed[d.Id] = (d.Note, session?.Reason ?? signings.GetValueOrDefault(d.Id, ""),
                    session?.DistanceToNash is { } n && double.IsFinite(n) ? n : null);
            }
            var (terms, reason, nash) = _signed.GetValueOrDefault(d.Id, (d.Note, "", null));
            return new DealView(d.Id, d.Status, d.Buyer, d.Seller, d.Mineral, d.Stage, d.Volume, d.ContractPrice, N(d.SpotPrice),
                d.Start, d.End, terms, reason, nash, d.Status == "signed" ? "" : d.Note);
        })];
    }

    private static string DealLabel(DealView d) =>
        $"{d.Id} {d.Status}: {d.Seller} sells {d.Buyer} {d.Volume:N0} t/month of {d.Stage} {d.Mineral} at {d.ContractPrice:N0} $/t, " +
        $"rounds {d.Start}–{d.End}; {d.Terms}" + (d.DistanceToNash is { } n ? $"; {n:F2} from the Nash point" : "");

    /// <summary>A deal signed this round is listed with who, what terms, why and how far from the Nash point it landed.</summary>
    private static EventView Timeline(RunEvent e, Dictionary<string, DealView> signed)
    {
        if (e.Kind != "deal-signed") return new EventView(e.Round, e.Kind, e.Country, e.Mineral, e.Stage, e.Reason);
        var id = e.Reason.Split(' ', 2)[0];
        if (!signed.TryGetValue(id, out var d)) return new EventView(e.Round, e.Kind, e.Country, e.Mineral, e.Stage, e.Reason);
        var nash = d.DistanceToNash is { } n ? $"; {n:F2} from the Nash bargaining point" : "";
        return new EventView(e.Round, e.Kind, e.Country, e.Mineral, e.Stage,
            $"{d.Id}: {d.Buyer} buys {d.Volume:N0} t/month from {d.Seller} at {d.ContractPrice:N0} $/t, rounds {d.Start}–{d.End}; " +
            $"terms: {d.Terms}; why: {d.Reason}{nash}");
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
                links.Add(new LinkView("withdrawn", _leader, e.Country, $"Section 232 threat withdrawn: {e.Reason}"));
                break;
            case "joined":
                links.Add(new LinkView("join", e.Country, _leader, $"joined {_scenario.Bloc?.Name}"));
                break;
            case "decides-to-join":
                _joining.Add(e.Country);
                break;
            case "decides-to-leave":
                _leaving.Add(e.Country);
                break;
        }
    }

    /// <summary>
    /// A control is drawn to each country it targets; one on every other country is a single link to "*" (seventy
    /// arrows from one tile would hide everything else).
    /// </summary>
    private static IEnumerable<LinkView> ControlLinks(ControlRow c)
    {
        var what = $"{c.Mineral} {c.Kind} ({string.Join("+", c.Stages)}), {c.Status}";
        return c.Scope == "all"
            ? [new LinkView("control", c.Exporter, "*", $"{what}, on every other country")]
            : c.Targets.Select(t => new LinkView("control", c.Exporter, t, c.Scope == "bloc" ? $"{what}, on the bloc's members" : what));
    }

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
