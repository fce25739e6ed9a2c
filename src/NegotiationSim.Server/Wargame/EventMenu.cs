using System.Globalization;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Server.Wargame;

/// <summary>An instructor's shock: one of the scenario's own events (by its place in the menu) or a custom one.</summary>
public sealed record InjectRequest(int? Menu, string? Kind, string? Country, string? Mineral, string? Stage, double? Severity, int? Duration, double? Rate);

/// <summary>
/// The shocks an instructor can inject: the scenario's scheduled events (re-timed to the next round) and custom export
/// controls, Section 232 threats and disruptions. Every field is checked; a bad one is named in the answer.
/// </summary>
public static class EventMenu
{
    public static IReadOnlyList<string> Menu(Scenario scenario) =>
        scenario.Events.Select(e => $"{Kind(e)}: {Describe(scenario.World, e)}").ToArray();

    public static (ScheduledEvent? Event, string? Error) Build(Scenario scenario, InjectRequest r, int round)
    {
        var w = scenario.World;
        if (r.Menu is { } k)
        {
            if (k < 0 || k >= scenario.Events.Count) return (null, $"menu: choose 0..{scenario.Events.Count - 1}");
            return (Retime(scenario.Events[k], round), null);
        }
        var country = r.Country is null ? -1 : w.CountryIndex(r.Country);
        var mineral = r.Mineral is null ? -1 : w.MineralIndex(r.Mineral);
        var stage = Stage.Refined;
        if (r.Stage is not null && !Stages.TryParse(r.Stage, out stage)) return (null, "stage: ore, refined or product");
        if (country < 0) return (null, $"country: one of {string.Join(", ", w.Countries.Select(c => c.Id))}");
        var duration = r.Duration ?? 3;
        if (duration is < 1 or > 60) return (null, "duration: 1 to 60 rounds");
        switch (r.Kind)
        {
            case "export_control":
                if (mineral < 0) return (null, $"mineral: one of {string.Join(", ", w.Minerals.Select(m => m.Id))}");
                return (new ExportControl(round, $"injected-r{round}-{w.Countries[country].Id}-{w.Minerals[mineral].Id}", country, mineral, [stage],
                    TargetSet.Everyone, ControlKind.Ban, round + 1, 0, 0, 0, 0.1, 0.2, 0.05, []), null);
            case "section232":
                var rate = r.Rate ?? 0.25;
                if (rate is <= 0 or > 2) return (null, "rate: above 0, at most 2 (200%)");
                return (new Section232Threat(round, [country], [Stage.Refined, Stage.Product], rate, 0.5, round + duration), null);
            case "disruption":
                if (mineral < 0) return (null, $"mineral: one of {string.Join(", ", w.Minerals.Select(m => m.Id))}");
                var severity = r.Severity ?? 0.5;
                if (severity is <= 0 or > 1) return (null, "severity: above 0, at most 1");
                return (new Disruption(round, country, mineral, stage, severity, duration), null);
            default:
                return (null, "kind: export_control, section232 or disruption (or a menu number)");
        }
    }

    private static ScheduledEvent Retime(ScheduledEvent e, int round) => e switch
    {
        ExportControl c => c with { Round = round, Id = $"{c.Id}-r{round}", Effective = round + Math.Max(0, c.Effective - c.Round) },
        Section232Threat t => t with { Round = round, Deadline = round + Math.Max(1, t.Deadline - t.Round) },
        _ => e with { Round = round },
    };

    public static string Kind(ScheduledEvent e) => e switch
    {
        ExportControl => "export control",
        Section232Threat => "Section 232 threat",
        Disruption => "disruption",
        ControlSuspension => "control suspended",
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
            ExportControl c => string.Create(inv, $"round {c.Round}: {C(c.Exporter)} {c.Kind.ToString().ToLowerInvariant()} on {M(c.Mineral)} ({string.Join("+", c.Stages.Select(Stages.Name))}) from round {c.Effective}"),
            Section232Threat t => string.Create(inv, $"round {t.Round}: US threatens {(t.Targets is null ? "exporters to the US" : string.Join(", ", t.Targets.Select(C)))} with {t.Rate:P0} by round {t.Deadline}"),
            Disruption d => string.Create(inv, $"round {d.Round}: {C(d.Country)} loses {d.Severity:P0} of {M(d.Mineral)} {Stages.Name(d.Stage)} for {d.Duration} rounds"),
            ControlSuspension s => $"round {s.Round}: control {s.ControlId} suspended",
            _ => $"round {e.Round}",
        };
    }
}
