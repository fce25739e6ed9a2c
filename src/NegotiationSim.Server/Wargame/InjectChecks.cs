using NegotiationSim.Core.Policy;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// What the game's state says about an inject before it is taken. The engine names a Section 232 target only if it is
/// outside the bloc and not already under a threat, and reports the rest as dropped when the round comes. A threat that
/// would be dropped as things stand is refused here at once, saying why, so the instructor can pick another target.
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
