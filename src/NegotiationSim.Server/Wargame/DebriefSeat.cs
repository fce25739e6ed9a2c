using NegotiationSim.Core.Reports;
using NegotiationSim.Server.Reports;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// What one side did in a seat in a simulated round: the team in the game, or the computer in the counterfactual.
/// Bloc is "join", "leave" or "stay"; Threat is its answer to a Section 232 threat against the seat, if one stood.
/// </summary>
public sealed record SeatPlay(bool Member, string Bloc, string? Threat, IReadOnlyList<string> Deals, IReadOnlyList<string> Offers,
    IReadOnlyList<string> Reasons, double Welfare);

/// <summary>
/// A seat's round, team next to computer; Difference is team − computer ($/month), Cumulative its running sum.
/// TeamPlayed: a team held the seat in that game round; when not, the "team" side is what the computer did there, which a
/// grader must not credit to the team.
/// </summary>
public sealed record SeatRound(int Round, string Month, SeatPlay Team, SeatPlay Computer, double Difference, double Cumulative, int Concessions,
    bool TeamPlayed = true);

/// <summary>A round where the welfare difference moved much, with the move that explains it.</summary>
public sealed record GapStep(int Round, string Month, double Change, string Cause);

/// <summary>
/// Lines the game up with its counterfactual round by round. Row k holds the bloc decision each side took having seen
/// simulated round k: the team's in game round k (it reaches the engine in round k + 1, which counts it from round k), the
/// computer's in round k's policy phase; both take effect after the same notice, so the membership columns differ only
/// by choice. Deals line up the same way: row k holds the deals signed as of round k, in force from k + 1: the team's
/// agreed in game round k (the engine takes them with round k + 1 and signs them as of round k, on round k's market)
/// next to those the computer's sessions signed in round k, and the team's offers of game round k.
/// </summary>
public static class DebriefSeat
{

    private static readonly HashSet<string> ReasonKinds = ["decides-to-join", "applies-to-join", "admitted", "refused", "decides-to-leave", "joined", "left", "deal-signed",
        "negotiation-opened", "negotiation-failed", "section232-threat", "section232-imposed", "section232-ended", "section232-lapsed", "section232-dropped"];

    public static IReadOnlyList<SeatRound> Rounds(GameSnapshot s, string country, IReadOnlyList<RoundReport> computer, IReadOnlySet<string> conceded)
    {
        var rows = new List<SeatRound>();
        var cumulative = 0.0;
        for (var k = 0; k < s.Reports.Count; k++)
        {
            var round = k + 1;
            var actual = s.Reports[k];
            var move = s.Game.History.FirstOrDefault(h => h.Round == round)?.Moves.GetValueOrDefault(country);
            var decided = SeatDecisions(actual, k + 1 < s.Reports.Count ? s.Reports[k + 1] : null, country);
            var offers = s.Game.OffersInOrder.Where(o => o.From == country && o.Round == round).ToArray();
            var team = new SeatPlay(actual.Members.Contains(country), Bloc(decided),
                move is { Threat: not ThreatAnswer.None } ? move.Threat.ToString().ToLowerInvariant() : null,
                Deals(s.Reports, k, country),
                offers.Select(o => OfferText(WargameViews.Offer(s.Values, o, country))).ToArray(),
                [.. actual.Events.Where(e => !ByTeam(e)).Where(e => IsReason(actual, e, country)).Select(e => $"{e.Kind}: {e.Reason}"),
                    .. decided.Where(ByTeam).Select(e => $"{e.Kind}: {e.Reason}")],
                DebriefCache.Welfare(actual, country));
            var cf = k < computer.Count ? computer[k] : null;
            var machine = cf is null ? new SeatPlay(false, "stay", null, [], [], [], double.NaN)
                : new SeatPlay(cf.Members.Contains(country), Bloc(cf, country), ComputerThreatAnswer(computer, k, country), Deals(computer, k, country),
                    Sessions(cf, country), [.. Reasons(cf, country), .. Stay(cf, country)], DebriefCache.Welfare(cf, country));
            var difference = team.Welfare - machine.Welfare;
            if (double.IsFinite(difference)) cumulative += difference;
            // The round after the last game round (the world after the final moves) has no seating of its own: the last one's.
            var held = s.Game.History.FirstOrDefault(h => h.Round == round)?.Played.Contains(country)
                ?? (s.Game.History.Count > 0 && round > s.Game.History[^1].Round && s.Game.Phase == GamePhase.Ended
                    ? s.Game.History[^1].Played.Contains(country) : s.Game.PlayedCountries.Contains(country));
            rows.Add(new SeatRound(round, actual.Month, team, machine, difference, cumulative, offers.Count(o => conceded.Contains(o.Id)), held));
        }
        return rows;
    }

    private static string Bloc(RoundReport r, string country) => Bloc(r.Events.Where(e => e.Country == country));

    private const string TeamsDecision = "the team's decision";

    /// <summary>The engine's record of a team's bloc decision (an application adds when the members vote).</summary>
    private static bool ByTeam(RunEvent e) => e.Reason.StartsWith(TeamsDecision, StringComparison.Ordinal);

    /// <summary>
    /// The seat's decisions counted from round k: the team's from game round k (the engine records them in round k + 1)
    /// and the computer's own in round k when it filled in for a team that let the timer run out.
    /// </summary>
    private static RunEvent[] SeatDecisions(RoundReport now, RoundReport? next, string country) =>
        [.. now.Events.Where(e => e.Country == country && IsDecision(e) && !ByTeam(e)),
         .. next?.Events.Where(e => e.Country == country && IsDecision(e) && ByTeam(e)) ?? []];

    // Where the members vote on newcomers a decision to join is an application (the vote may still refuse it).
    private static bool IsDecision(RunEvent e) => e.Kind is "decides-to-join" or "applies-to-join" or "decides-to-leave";

    private static string Bloc(IEnumerable<RunEvent> events) =>
        events.LastOrDefault(IsDecision)?.Kind switch
        {
            "decides-to-join" or "applies-to-join" => "join",
            "decides-to-leave" => "leave",
            _ => "stay",
        };

    /// <summary>The computer complies with a standing threat by deciding to join, as the US demands; else it defies it.</summary>
    private static string? ComputerThreatAnswer(IReadOnlyList<RoundReport> reports, int k, string country)
    {
        var last = reports.Take(k + 1).SelectMany(r => r.Events)
            .LastOrDefault(e => e.Country == country && e.Kind.StartsWith("section232-", StringComparison.Ordinal));
        if (last?.Kind != "section232-threat") return null;
        return Bloc(reports[k], country) == "join" ? "comply" : "defy";
    }

    /// <summary>
    /// The seat's deals signed as of simulated round k + 1 (index <paramref name="k"/>), in force from the round after: a
    /// session's or the scenario's are in that round's report, a team's in the next report (the engine takes them then).
    /// </summary>
    private static string[] Deals(IReadOnlyList<RoundReport> reports, int k, string country) => reports.Skip(k).Take(2)
        .SelectMany(r => r.Deals)
        .Where(d => d.Status == "signed" && d.Start == k + 2 && (d.Buyer == country || d.Seller == country))
        .Select(d => d.Buyer == country
            ? $"{d.Id}: buys {d.Mineral} {d.Stage} from {d.Seller} ({d.Note})"
            : $"{d.Id}: sells {d.Mineral} {d.Stage} to {d.Buyer} ({d.Note})").ToArray();

    private static string OfferText(OfferView o) =>
        $"{o.Id} to {o.To}: {(o.Buyer == o.From ? "buy" : "sell")} {o.Mineral} {o.Stage}, {o.Terms} ({o.Status})";

    /// <summary>The computer's offers are its negotiation sessions that ended this round, each with how it ended.</summary>
    private static string[] Sessions(RoundReport r, string country) => r.Sessions
        .Where(x => x.Buyer == country || x.Seller == country)
        .Select(x => $"{x.Id} with {(x.Buyer == country ? x.Seller : x.Buyer)} ({(x.Buyer == country ? "buying" : "selling")} {x.Mineral} {x.Stage}): "
            + $"{x.Status} after {Plural.Of(x.Offers.Count, "offer")}{(x.Agreement.Length > 0 ? ", " + x.Agreement : "")}").ToArray();

    private static string[] Reasons(RoundReport r, string country) => r.Events
        .Where(e => IsReason(r, e, country)).Select(e => $"{e.Kind}: {e.Reason}").ToArray();

    private static bool IsReason(RoundReport r, RunEvent e, string country) => ReasonKinds.Contains(e.Kind)
        && (e.Country == country || e.Kind == "deal-signed" && r.Deals.Any(d => d.Seller == country && e.Reason.StartsWith(d.Id + " ", StringComparison.Ordinal)));

    /// <summary>Why the computer kept its membership: its margin from the bloc's stability check, when it has one.</summary>
    private static string[] Stay(RoundReport r, string country)
    {
        if (Bloc(r, country) != "stay") return [];
        var margin = r.Stability.WouldJoin.Concat(r.Stability.WouldLeave).FirstOrDefault(m => m.Country == country);
        var where = r.Members.Contains(country) ? "in the bloc" : "outside the bloc";
        return margin is null
            ? [$"stays {where}: switching does not beat staying"]
            : [$"stays {where}: switching would gain {Html.Short(margin.Margin)} $/month, within the hysteresis or under notice ({margin.Reasons})"];
    }

    /// <summary>
    /// The <paramref name="count"/> rounds where the difference changed most, in round order, each with what set the two
    /// sides apart then: a membership that changed that round, or a bloc choice or deal of the round before.
    /// </summary>
    public static IReadOnlyList<GapStep> Story(IReadOnlyList<SeatRound> rounds, int count = 3)
    {
        var steps = new List<GapStep>();
        for (var k = 0; k < rounds.Count; k++)
        {
            var before = k == 0 ? 0 : rounds[k - 1].Difference;
            var change = rounds[k].Difference - before;
            if (double.IsFinite(change) && Math.Abs(change) >= 0.5) steps.Add(new GapStep(rounds[k].Round, rounds[k].Month, change, Cause(rounds, k)));
        }
        return steps.OrderByDescending(x => Math.Abs(x.Change)).ThenBy(x => x.Round).Take(count).OrderBy(x => x.Round).ToArray();
    }

    private static string Cause(IReadOnlyList<SeatRound> rounds, int k)
    {
        var now = rounds[k];
        var prev = k > 0 ? rounds[k - 1] : null;
        var causes = new List<string>();
        void Flip(SeatPlay side, SeatPlay? earlier, string who)
        {
            if (earlier is not null && side.Member != earlier.Member) causes.Add($"{who} {(side.Member ? "joined" : "left")} the bloc");
        }
        Flip(now.Team, prev?.Team, "the team's country");
        Flip(now.Computer, prev?.Computer, "the computer's seat");
        if (prev is { } row) // decisions and deals of the round before: deals bite the round after signing
        {
            if (row.Team.Bloc != row.Computer.Bloc)
                causes.Add($"in round {row.Round} the team chose {row.Team.Bloc}, the computer {row.Computer.Bloc}");
            foreach (var d in row.Team.Deals.Where(d => !row.Computer.Deals.Select(Terms).Contains(Terms(d)))) causes.Add($"the team's deal {d}, signed round {row.Round}, took effect");
            foreach (var d in row.Computer.Deals.Where(d => !row.Team.Deals.Select(Terms).Contains(Terms(d)))) causes.Add($"the computer's deal {d}, signed round {row.Round}, took effect");
        }
        if (causes.Count > 0) return string.Join("; ", causes.Distinct());
        return now.Team.Member != now.Computer.Member
            ? $"no new move: prices moved under the standing difference (the team {(now.Team.Member ? "in" : "outside")} the bloc, the computer {(now.Computer.Member ? "in" : "outside")})"
            : "no move of this seat differed: other countries and the market answered differently";
    }

    /// <summary>A deal without its id: the same deal signed on both sides has different ids.</summary>
    private static string Terms(string deal) => deal[(deal.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>"+1.2M $/month in the team's favour" or "-340k $/month against the team", and why.</summary>
    public static string Describe(GapStep g) =>
        $"round {g.Round} ({g.Month}): the difference moved {(g.Change >= 0 ? "+" : "")}{Html.Short(g.Change)} $/month {(g.Change >= 0 ? "in the team's favour" : "against the team")}: {g.Cause}";
}
