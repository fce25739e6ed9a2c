using NegotiationSim.Core.Reports;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The bloc moves a team may make this round, and why the others are closed.
/// </summary>
/// <param name="Bloc">Open bloc choices: "stay" always, "join" and "leave" where the engine would act on them.</param>
/// <param name="Threat">Open answers to a Section 232 threat: "comply" and "defy" while one stands against the country, else none.</param>
/// <param name="Closed">Each closed choice ("join", "leave", "comply", "defy") with the reason, in words for the team's page.</param>
public sealed record BlocMovesView(IReadOnlyList<string> Bloc, IReadOnlyList<string> Threat, IReadOnlyDictionary<string, string> Closed);

/// <summary>
/// Which bloc moves the engine can honour for a country, read from the world the teams see now. A team's move in game
/// round r counts from round r, as the computer's decisions do; the engine ignores a choice it cannot carry out (a founder leaving,
/// a member joining, a country already on its way in or out): the API refuses those instead of journaling a move that
/// the debrief would then report as made but that never happened.
/// </summary>
public static class BlocMoves
{
    /// <summary>What is open to <paramref name="country"/>; <paramref name="threatened"/>: a Section 232 threat stands against it.</summary>
    public static BlocMovesView For(WargameSession s, string country, bool threatened)
    {
        var closed = new Dictionary<string, string>(StringComparer.Ordinal);
        var who = s.World.CountryName(country);
        if (JoinRefusal(s, country) is { } noJoin) closed["join"] = noJoin;
        if (LeaveRefusal(s, country) is { } noLeave) closed["leave"] = noLeave;
        if (!threatened)
            foreach (var answer in new[] { "comply", "defy" })
                closed[answer] = $"no Section 232 threat stands against {who}";
        // Complying is joining (TeamMove.Effective): where joining is closed (already applied, already on the way in) so is it.
        else if (closed.TryGetValue("join", out var noComply))
            closed["comply"] = $"complying means joining the bloc, but {noComply}";
        return new BlocMovesView(
            new[] { "stay", "join", "leave" }.Where(m => !closed.ContainsKey(m)).ToArray(),
            threatened ? new[] { "comply", "defy" }.Where(m => !closed.ContainsKey(m)).ToArray() : [],
            closed);
    }

    /// <summary>Why the move cannot be honoured; null if it can. Checked against the view the team's page reads.</summary>
    public static string? Check(BlocMovesView open, TeamMove move)
    {
        var bloc = move.Bloc.ToString().ToLowerInvariant();
        if (move.Bloc != BlocChoice.Stay && open.Closed.TryGetValue(bloc, out var noBloc)) return $"bloc: {noBloc}";
        if (move.Threat == ThreatAnswer.None) return null;
        var threat = move.Threat.ToString().ToLowerInvariant();
        if (open.Closed.TryGetValue(threat, out var noThreat)) return $"threat: {noThreat}";
        // Complying is joining (TeamMove.Effective): it cannot go with leaving (where joining is closed, For closed it).
        return move.Threat == ThreatAnswer.Comply && move.Bloc == BlocChoice.Leave ? "threat: complying means joining the bloc, which contradicts bloc: leave" : null;
    }

    private static string? JoinRefusal(WargameSession s, string country)
    {
        if (s.Scenario.Bloc is not { } bloc) return "this scenario has no bloc";
        var (name, who) = (bloc.Name, s.World.CountryName(country));
        if (!bloc.IsEligible(s.World.CountryIndex(country), s.World)) return $"{who} is not eligible to join {name} under the scenario's rules";
        return StandingOf(s, country) switch
        {
            Standing.Member => $"{who} is already a member of {name}",
            Standing.Joining => $"{who} has already decided to join {name}; it takes effect after the notice period",
            Standing.Applying => $"{who} has already applied to join {name}; the members vote on it",
            Standing.Leaving => $"{who} is leaving {name}; it may decide to join again once it has left",
            _ => null,
        };
    }

    private static string? LeaveRefusal(WargameSession s, string country)
    {
        if (s.Scenario.Bloc is not { } bloc) return "this scenario has no bloc";
        var (name, who) = (bloc.Name, s.World.CountryName(country));
        if (bloc.Founders.Contains(s.World.CountryIndex(country)))
            return $"{who} is a founding member of the bloc and cannot leave under the scenario's rules";
        return StandingOf(s, country) switch
        {
            Standing.Member => null,
            Standing.Leaving => $"{who} has already decided to leave {name}; it takes effect after the notice period",
            Standing.Joining or Standing.Applying => $"{who} is not a member of {name} yet",
            _ => $"{who} is not a member of {name}",
        };
    }

    private enum Standing { Outside, Applying, Joining, Member, Leaving }

    /// <summary>
    /// Where the country stands with the bloc in the latest simulated round, from the public events: its last
    /// decision or application that has not yet come into force decides.
    /// </summary>
    private static Standing StandingOf(WargameSession s, string country)
    {
        if (s.Reports.Count == 0) return Standing.Outside;
        var member = s.Reports[^1].Members.Contains(country);
        RunEvent? last = null;
        foreach (var e in s.Reports.SelectMany(r => r.Events))
            if (e.Country == country && e.Kind is "decides-to-join" or "applies-to-join" or "admitted" or "refused" or "joined"
                    or "decides-to-leave" or "left")
                last = e;
        return (member, last?.Kind) switch
        {
            (true, "decides-to-leave") => Standing.Leaving,
            (true, _) => Standing.Member,
            (false, "decides-to-join" or "admitted") => Standing.Joining,
            (false, "applies-to-join") => Standing.Applying,
            _ => Standing.Outside,
        };
    }
}
