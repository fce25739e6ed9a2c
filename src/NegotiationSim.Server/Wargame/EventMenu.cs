using System.Globalization;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// An instructor's shock: one of the scenario's own events (by its place in the menu) or a custom one. A custom export
/// control takes <paramref name="Control"/> (ban, licence, quota), <paramref name="Targets"/> (all, bloc, or country
/// ids), <paramref name="Quota"/>, <paramref name="Leakage"/> and, for a licence, <paramref name="LicenceDelay"/>; a
/// Section 232 threat its rate, <paramref name="Credibility"/>, stage and duration (rounds to its deadline); a
/// disruption its mineral, stage, severity and duration. Bounds are the scenario language's for the same keys.
/// </summary>
/// <remarks>Menu and duration are read as numbers and checked here, so 2.5 or 1e12 is told by its field's name rather than as a binding error.</remarks>
public sealed record InjectRequest(double? Menu, string? Kind, string? Country, string? Mineral, string? Stage, double? Severity, double? Duration, double? Rate,
    string? Control = null, string[]? Targets = null, double? Quota = null, double? Credibility = null, double? Leakage = null, double? LicenceDelay = null);

/// <summary>
/// The shocks an instructor can inject: the scenario's scheduled events (re-timed to the next round) and custom export
/// controls, Section 232 threats and disruptions. Every field is checked; a bad one is named in the answer.
/// </summary>
public static class EventMenu
{
    public const double MaxRate = 5; // the scenario language's bound on a Section 232 rate
    public const int MaxDuration = 60;
    public const double DefaultRate = 0.25, DefaultSeverity = 0.5, DefaultQuota = 0.5, DefaultCredibility = 0.5, DefaultLeakage = 0.1;
    public const int DefaultDuration = 3, DefaultLicenceDelay = 2, MaxLicenceDelay = 24;

    /// <summary>The request's numbers that must be finite, by their API names.</summary>
    public static IEnumerable<(string Name, double? Value)> Numbers(InjectRequest r) =>
        [("menu", r.Menu), ("severity", r.Severity), ("rate", r.Rate), ("duration", r.Duration), ("quota", r.Quota),
         ("credibility", r.Credibility), ("leakage", r.Leakage), ("licenceDelay", r.LicenceDelay)];

    public static IReadOnlyList<string> Menu(Scenario scenario) =>
        scenario.Events.Select(e => $"{Kind(e)}: {Describe(scenario.World, e)}").ToArray();

    /// <summary>
    /// The events to inject for <paramref name="round"/>, given what was injected before (<paramref name="injected"/>).
    /// A scenario event brought forward comes with its <see cref="EventWithdrawn"/>, so it does not fire again at its own
    /// round; a suspension from the menu lifts the control the instructor injected from the menu, else the scheduled one.
    /// </summary>
    public static (IReadOnlyList<ScheduledEvent>? Events, string? Error) Build(Scenario scenario, InjectRequest r, int round, IReadOnlyList<ScheduledEvent> injected)
    {
        if (r.Menu is { } menu)
        {
            if (menu < 0 || menu >= scenario.Events.Count || menu != Math.Floor(menu)) return (null, $"menu: choose 0..{scenario.Events.Count - 1}");
            var k = (int)menu;
            if (r.Kind is not null) return (null, "menu or kind: a scenario event or a custom one, not both");
            return (FromMenu(scenario, k, round, injected), null);
        }
        var (e, error) = Custom(scenario.World, r, round, injected);
        return e is null ? (null, error) : ([e], null);
    }

    private static IReadOnlyList<ScheduledEvent> FromMenu(Scenario scenario, int k, int round, IReadOnlyList<ScheduledEvent> injected)
    {
        var scheduled = scenario.Events[k];
        // Still to come (the scenario fires it at a later round, or at this one) and not yet withdrawn: brought forward.
        var ahead = scheduled.Round >= round && !injected.OfType<EventWithdrawn>().Any(w => w.Index == k);
        var moved = scheduled switch
        {
            // The control keeps its id when it replaces the scheduled one, so the scenario's own suspension still lifts it;
            // a repeat gets an id of its own.
            ExportControl c => c with
            {
                Round = round, Effective = round + Math.Max(0, c.Effective - c.Round),
                Id = ahead && !injected.OfType<ExportControl>().Any(x => x.Id == c.Id) ? c.Id : $"{c.Id}-r{round}",
            },
            Section232Threat t => t with { Round = round, Deadline = round + Math.Max(1, t.Deadline - t.Round) },
            _ => scheduled with { Round = round },
        };
        // A truce lifts the control it names in every copy the instructor made of it (brought forward, repeated), not
        // only the latest: a copy left standing would keep biting after the page said "suspended".
        IReadOnlyList<ScheduledEvent> events = moved is ControlSuspension truce ? Copies(injected, truce.ControlId).Select(id => truce with { ControlId = id }).ToArray() : [moved];
        return ahead ? [.. events, new EventWithdrawn(round, k)] : events;
    }

    /// <summary>
    /// The control <paramref name="id"/> and each repeat injected of it (id-rN), less those an injected truce already lifted.
    /// </summary>
    private static IEnumerable<string> Copies(IReadOnlyList<ScheduledEvent> injected, string id)
    {
        var lifted = injected.OfType<ControlSuspension>().Select(s => s.ControlId).ToHashSet();
        var copies = injected.OfType<ExportControl>().Select(c => c.Id).Where(c => c.StartsWith(id + "-r", StringComparison.Ordinal)).Prepend(id).Distinct();
        var left = copies.Where(c => !lifted.Contains(c)).ToArray();
        return left.Length > 0 ? left : [id]; // all lifted already: the truce is repeated as asked, and says so again
    }

    private const string Kinds = "kind: export_control, section232 or disruption (or a menu number)";

    private static (ScheduledEvent? Event, string? Error) Custom(WorldDefinition w, InjectRequest r, int round, IReadOnlyList<ScheduledEvent> injected)
    {
        // The kind says which fields count, so it is checked first: a made-up kind is not told to pick a country.
        if (r.Kind is not ("export_control" or "section232" or "disruption")) return (null, Kinds);
        var country = r.Country is null ? -1 : w.CountryIndex(r.Country);
        var mineral = r.Mineral is null ? -1 : w.MineralIndex(r.Mineral);
        Stage? stage = null;
        if (r.Stage is not null) { if (!Stages.TryParse(r.Stage, out var st)) return (null, "stage: ore, refined or product"); stage = st; }
        if (country < 0) return (null, $"country: one of {string.Join(", ", w.Countries.Select(c => c.Id))}");
        var given = r.Duration ?? DefaultDuration;
        if (given is < 1 or > MaxDuration || given != Math.Floor(given)) return (null, $"duration: a whole number of rounds, 1 to {MaxDuration}");
        var duration = (int)given;
        var minerals = $"mineral: one of {string.Join(", ", w.Minerals.Select(m => m.Id))}";
        // A field the kind does not use is refused rather than ignored: the instructor would think it took effect.
        string? Unused(string kind, params (string Name, bool Given)[] fields) =>
            fields.FirstOrDefault(f => f.Given).Name is { } name ? $"{name}: not used by {kind}; leave it out" : null;
        switch (r.Kind)
        {
            case "export_control":
            {
                if (Unused("an export control", ("rate", r.Rate is not null), ("severity", r.Severity is not null), ("duration", r.Duration is not null),
                        ("credibility", r.Credibility is not null)) is { } unused) return (null, unused);
                if (mineral < 0) return (null, minerals);
                ControlKind? named = r.Control?.ToLowerInvariant() switch
                {
                    null or "ban" => ControlKind.Ban,
                    "licence" or "license" => ControlKind.Licence,
                    "quota" => ControlKind.Quota,
                    _ => null,
                };
                if (named is not { } kind) return (null, "control: ban, licence or quota");
                if (r.Quota is not null && kind != ControlKind.Quota) return (null, "quota: only for a quota control");
                var quota = r.Quota ?? DefaultQuota;
                if (quota is < 0 or >= 1) return (null, "quota: the share of base-year exports allowed out, 0 up to (not including) 1");
                if (r.LicenceDelay is not null && kind != ControlKind.Licence) return (null, "licenceDelay: only for a licence control");
                var delay = r.LicenceDelay ?? DefaultLicenceDelay;
                if (delay is < 0 or > MaxLicenceDelay || delay != Math.Floor(delay)) return (null, $"licenceDelay: a whole number of rounds before the first licences, 0 to {MaxLicenceDelay}");
                var leakage = r.Leakage ?? DefaultLeakage;
                if (leakage is < 0 or > 1) return (null, "leakage: the share of controlled trade that still gets out through hubs, 0 to 1");
                var (targets, bad) = TargetsOf(w, r.Targets, country);
                if (targets is null) return (null, bad);
                var stages = stage is { } one ? new[] { one } : [Stage.Refined];
                // Ids stay unique: a second control on the same market in the same round is a control of its own (-2, -3, ...).
                var id = $"injected-r{round}-{w.Countries[country].Id}-{w.Minerals[mineral].Id}";
                var same = injected.OfType<ExportControl>().Count(c => c.Id == id || c.Id.StartsWith(id + "-", StringComparison.Ordinal));
                return (new ExportControl(round, same == 0 ? id : $"{id}-{same + 1}", country, mineral, stages,
                    targets, kind, round + 1, (int)delay, 0.15, quota, leakage, 0.2, 0.05, []), null);
            }
            case "section232":
            {
                if (Unused("a Section 232 threat (it covers every mineral of its stages)", ("mineral", r.Mineral is not null), ("severity", r.Severity is not null),
                        ("control", r.Control is not null), ("targets", r.Targets is not null), ("quota", r.Quota is not null),
                        ("leakage", r.Leakage is not null), ("licenceDelay", r.LicenceDelay is not null)) is { } unused) return (null, unused);
                var us = w.IndexOfRole(CountryRole.BlocLeader);
                if (country == us) return (null, $"country: {w.Countries[us].Name} makes the threat; name a country it threatens");
                var rate = r.Rate ?? DefaultRate;
                if (double.IsNaN(rate) || rate is <= 0 or > MaxRate) return (null, string.Create(CultureInfo.InvariantCulture, $"rate: above 0, at most {MaxRate} ({MaxRate:P0}); 0.25 is 25 %"));
                var credibility = r.Credibility ?? DefaultCredibility;
                if (credibility is < 0 or > 1) return (null, "credibility: the chance the tariff is imposed at the deadline, 0 to 1");
                var stages = stage is { } one ? new[] { one } : [Stage.Refined, Stage.Product];
                return (new Section232Threat(round, [country], stages, rate, credibility, round + duration), null);
            }
            case "disruption":
            {
                if (Unused("a disruption", ("rate", r.Rate is not null), ("control", r.Control is not null), ("targets", r.Targets is not null), ("quota", r.Quota is not null),
                        ("credibility", r.Credibility is not null), ("leakage", r.Leakage is not null), ("licenceDelay", r.LicenceDelay is not null)) is { } unused) return (null, unused);
                if (mineral < 0) return (null, minerals);
                var severity = r.Severity ?? DefaultSeverity;
                if (double.IsNaN(severity) || severity is <= 0 or > 1) return (null, "severity: the share of output lost, above 0, at most 1");
                return (new Disruption(round, country, mineral, stage ?? Stage.Refined, severity, duration), null);
            }
            default:
                return (null, Kinds);
        }
    }

    /// <summary>all, bloc, or a list of countries other than the exporter; absent: all.</summary>
    private static (TargetSet? Targets, string? Error) TargetsOf(WorldDefinition w, string[]? targets, int exporter)
    {
        if (targets is null || targets is ["all"]) return (TargetSet.Everyone, null);
        if (targets is ["bloc"]) return (new TargetSet(false, true, []), null);
        if (targets.Length == 0 || targets.Length > w.CountryCount) return (null, "targets: all, bloc, or a list of countries");
        var ids = new List<int>();
        foreach (var t in targets)
        {
            var i = t is null ? -1 : w.CountryIndex(t);
            if (i < 0) return (null, $"targets: '{Clip(t)}' is not a country of this game (all, bloc, or ids such as {w.Countries[0].Id})");
            if (i == exporter) return (null, $"targets: {t} is the exporter itself");
            if (!ids.Contains(i)) ids.Add(i);
        }
        return (new TargetSet(false, false, ids), null);
    }

    /// <summary>What the instructor typed, cut short: an answer names the bad value, it does not echo a page of it back.</summary>
    private static string Clip(string? s) => s is null ? "" : s.Length <= 24 ? s : s[..24] + "…";

    public static string Kind(ScheduledEvent e) => e switch
    {
        ExportControl => "export control",
        Section232Threat => "Section 232 threat",
        Disruption => "disruption",
        ControlSuspension => "control suspended",
        EventWithdrawn => "brought forward",
        Flood => "flood",
        StockpileProgramme => "stockpile",
        MembershipMove => "membership",
        _ => "event",
    };

    public static string Describe(WorldDefinition w, ScheduledEvent e)
    {
        string C(int i) => i >= 0 && i < w.CountryCount ? w.Countries[i].Name : "?";
        string M(int i) => i >= 0 && i < w.Minerals.Count ? w.Minerals[i].Name : "?";
        var inv = CultureInfo.InvariantCulture;
        return e switch
        {
            ExportControl c => string.Create(inv, $"round {c.Round}: {C(c.Exporter)} {c.Kind.ToString().ToLowerInvariant()} on {M(c.Mineral)} ({string.Join("+", c.Stages.Select(Stages.Name))}) from round {c.Effective}{(c.Kind == ControlKind.Licence ? $", first licences {Plural.Of(c.LicenceDelay, "round")} later" : "")}; {c.Leakage:P0} leaks out"),
            Section232Threat t => string.Create(inv, $"round {t.Round}: US threatens {(t.Targets is null ? "exporters to the US" : string.Join(", ", t.Targets.Select(C)))} with {t.Rate:P0} by round {t.Deadline} (credibility {t.Credibility:P0})"),
            Disruption d => string.Create(inv, $"round {d.Round}: {C(d.Country)} loses {d.Severity:P0} of {M(d.Mineral)} {Stages.Name(d.Stage)} for {Plural.Of(d.Duration, "round")}"),
            ControlSuspension s => $"round {s.Round}: control {s.ControlId} suspended",
            EventWithdrawn x => $"the scenario's event {x.Index} does not fire again at its own round",
            _ => $"round {e.Round}",
        };
    }
}
