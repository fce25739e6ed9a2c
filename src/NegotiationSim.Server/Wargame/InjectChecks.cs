using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// What the game's state says about an inject before it is taken. The engine names a Section 232 target only if it is
/// outside the bloc and not already under a threat, and reports the rest as dropped when the round comes. A threat that
/// would be dropped as things stand is refused here at once, saying why, so the instructor can pick another target; so is
/// an export control that repeats one already standing.
/// </summary>
public static class InjectChecks
{
    /// <summary>Null if every threat among <paramref name="events"/> names at least one country; else why it names none.</summary>
    public static string? Unheard(WargameSession s, IReadOnlyList<ScheduledEvent> events)
    {
        foreach (var t in events.OfType<Section232Threat>())
        {
            if (t.Targets is null) continue; // the engine picks this round's exporters to the US itself
            var why = t.Targets.Select(i => Unheard(s, s.World.Countries[i].Id, t.Round)).ToArray();
            if (why.All(w => w is not null)) return why[0];
        }
        return null;
    }

    /// <summary>
    /// Null unless an export control among <paramref name="events"/> repeats one that stands (announced or in force, not
    /// lifted) or is already injected for the same round: same exporter, mineral, kind, stages and targets. Two such
    /// controls cut the same flows once, so the second would change nothing the class could see.
    /// </summary>
    public static string? Repeated(WargameSession s, IReadOnlyList<ScheduledEvent> events)
    {
        foreach (var c in events.OfType<ExportControl>())
        {
            var soon = s.Game.InjectedFor(c.Round).Select(i => i.Event).ToArray();
            var lifted = soon.OfType<ControlSuspension>().Select(x => x.ControlId).ToHashSet(StringComparer.Ordinal);
            var what = $"{s.World.Countries[c.Exporter].Name}'s {c.Kind.ToString().ToLowerInvariant()} on {s.World.Minerals[c.Mineral].Name} "
                + $"({string.Join("+", c.Stages.Select(Stages.Name))})";
            if (soon.OfType<ExportControl>().Any(x => Same(x, c)))
                return $"{what} is already injected for round {c.Round}";
            var standing = s.Reports.Count == 0 ? null
                : s.Reports[^1].Controls.FirstOrDefault(r => !lifted.Contains(r.Id) && Same(s, r, c));
            if (standing is not null)
                return $"{what} already stands (control {standing.Id}, {standing.Status}); suspend it first, or choose another kind, stage or target";
        }
        return null;
    }

    private static bool Same(ExportControl a, ExportControl b) =>
        a.Exporter == b.Exporter && a.Mineral == b.Mineral && a.Kind == b.Kind && a.Stages.SequenceEqual(b.Stages)
        && a.Targets.All == b.Targets.All && a.Targets.Bloc == b.Targets.Bloc && a.Targets.Countries.Order().SequenceEqual(b.Targets.Countries.Order());

    private static bool Same(WargameSession s, ControlRow r, ExportControl c) =>
        r.Exporter == s.World.Countries[c.Exporter].Id && r.Mineral == s.World.Minerals[c.Mineral].Id
        && r.Kind == c.Kind.ToString().ToLowerInvariant() && r.Stages.SequenceEqual(c.Stages.Select(Stages.Name))
        && r.Scope == (c.Targets.All ? "all" : c.Targets.Bloc ? "bloc" : "list")
        && (r.Scope != "list" || r.Targets.Order(StringComparer.Ordinal).SequenceEqual(
            c.Targets.Countries.Where(j => j != c.Exporter).Select(j => s.World.Countries[j].Id).Order(StringComparer.Ordinal)));

    private static string? Unheard(WargameSession s, string country, int round)
    {
        var name = s.World.CountryName(country);
        if (s.Reports.Count > 0 && s.Reports[^1].Members.Contains(country))
            return $"country: {name} is a member of the bloc; a Section 232 threat names countries outside it";
        if (WargameViews.ThreatsAgainst(s, country).Count > 0)
            return $"country: {name} already faces a Section 232 threat; a second one can follow when it ends";
        if (s.Game.InjectedFor(round).Any(e => e.Event is Section232Threat x && x.Targets?.Contains(s.World.CountryIndex(country)) == true))
            return $"country: {name} already faces a Section 232 threat injected for round {round}";
        return null;
    }
}
