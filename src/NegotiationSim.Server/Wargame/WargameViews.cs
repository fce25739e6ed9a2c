using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <param name="Paused">Why the game is paused and the time a resume gives back, for people; null unless paused.</param>
public sealed record ClockView(string Phase, int Round, int Rounds, DateTimeOffset? Deadline, double? SecondsLeft, long Version, string? Paused = null);

public sealed record SeatView(string Country, string Name, string? TeamId, string? TeamName, bool Moved);

public sealed record OfferView(string Id, int Round, string From, string To, string Buyer, string Seller, string Mineral, string Stage,
    int Outcome, string Terms, string Status, string? Why, string? Counters, double? ValueToMe, double? NoDealForMe);

public sealed record WorldRow(string Country, string Mineral, string Stage, double Output, double Use, double Imports, double Exports,
    double ImportsFromChina, double FobPrice);

/// <param name="OthersRound">The round other countries' rows are shown as of (the information rules' delay); Hidden: what the viewer cannot see.</param>
public sealed record WorldView(int Round, string Month, IReadOnlyList<string> Members, IReadOnlyList<MarketPrices> Prices,
    IReadOnlyList<RunEvent> Events, IReadOnlyList<DealRow> Deals, IReadOnlyList<WorldRow> Rows, int? OthersRound = null,
    IReadOnlyList<string>? Hidden = null);

public sealed record Briefing(string Country, string Name, string Role, bool Member, Stance Stance, string Strategy,
    IReadOnlyList<WorldRow> Position, IReadOnlyList<string> Dependencies, IReadOnlyList<string> Objectives);

public sealed record TeamView(string TeamId, string TeamName, string? Country, ClockView Clock, bool Moved, TeamMove? Move,
    Briefing? Briefing, WorldView? World, IReadOnlyList<OfferView> Offers, IReadOnlyList<string> Threats,
    IReadOnlyList<string> Messages, IReadOnlyList<string> Partners, IReadOnlyList<string> Minerals, IReadOnlyList<IssueView> Issues,
    IReadOnlyList<string> FreeSeats)
{
    /// <summary>Applications to join the bloc before the members this round, with what each is worth to this team's country.</summary>
    public IReadOnlyList<ApplicationView> Applications { get; init; } = [];

    /// <summary>The address teams open (`negsim wargame --public-url`, else a LAN address); null: the instructor page's own.</summary>
    public string? PublicUrl { get; init; }

    /// <summary>The bloc moves and threat answers open to this team now, and why the others are closed; null without a country.</summary>
    public BlocMovesView? BlocMoves { get; init; }

    /// <summary>The Section 232 duty that landed on the country's exports to the US and still stands, in words; null if none.</summary>
    public string? Duty { get; init; }

    /// <summary>Every country's name by its id, so the page can name partners and free seats (the ids stay the values sent).</summary>
    public IReadOnlyDictionary<string, string> CountryNames { get; init; } = new Dictionary<string, string>();
}

public sealed record IssueView(string Name, IReadOnlyList<string> Labels);

public sealed record InstructorView(ClockView Clock, string ScenarioName, IReadOnlyList<SeatView> Seats, IReadOnlyList<TeamSummary> Teams,
    IReadOnlyList<OfferView> Offers, IReadOnlyList<string> Messages, IReadOnlyList<InjectedView> Injected, WorldView? World,
    IReadOnlyList<string> Minerals)
{
    /// <summary>Applications to join the bloc before the members this round, with the teams' votes so far.</summary>
    public IReadOnlyList<ApplicationView> Applications { get; init; } = [];

    /// <summary>The address teams open (`negsim wargame --public-url`, else a LAN address); null: the instructor page's own.</summary>
    public string? PublicUrl { get; init; }
}

public sealed record TeamSummary(string Id, string Name, string? Country);

public sealed record InjectedView(int Round, string Kind, string Description);

/// <summary>What each page may see: the instructor everything, a team what its <see cref="TeamSight"/> lets through.</summary>
public static class WargameViews
{
    public static ClockView Clock(WargameSession s)
    {
        var g = s.Game;
        double? left = g.Deadline is { } d ? Math.Max(0, (d - s.Now).TotalSeconds) : null;
        return new ClockView(g.Phase.ToString(), g.Round, g.Rules.Rounds, g.Deadline, left, s.Version, PauseNote(g));
    }

    /// <summary>"paused: the server restarted; 4 min 10 s left when it stopped", or the instructor's pause with its time left.</summary>
    public static string? PauseNote(Game g) => (g.PausedSecondsLeft, g.PausedBy) switch
    {
        ({ } left, PauseCause.HostRestarted) => $"paused: the server restarted; {Duration(left)} left when it stopped",
        ({ } left, _) => $"paused by the instructor; {Duration(left)} left",
        _ => null,
    };

    private static string Duration(double seconds)
    {
        var whole = (int)Math.Floor(seconds);
        return whole >= 60 ? $"{whole / 60} min {whole % 60} s" : $"{whole} s";
    }

    public static IReadOnlyList<IssueView> Issues { get; } = DealSpace.Standard.Issues.Select(i => new IssueView(i.Name, i.Labels)).ToArray();

    public static InstructorView Instructor(WargameSession s)
    {
        var g = s.Game;
        var seats = g.Seats.Select(kv => new SeatView(kv.Key, NameOf(s, kv.Key), kv.Value, kv.Value is { } t ? g.Teams[t].Name : null,
            g.Moves.ContainsKey(kv.Key))).ToArray();
        var teams = g.Teams.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => new TeamSummary(t.Id, t.Name, g.CountryOf(t.Id))).ToArray();
        var injected = g.Inputs.OfType<EventInjected>().Select(e => new InjectedView(e.Event.Round, EventMenu.Kind(e.Event), EventMenu.Describe(s.World, e.Event))).ToArray();
        return new InstructorView(Clock(s), g.Created.ScenarioName, seats, teams, g.OffersInOrder.Select(o => Offer(s, o, null)).ToArray(),
            g.Messages, injected, World(s, null), s.World.Minerals.Select(m => m.Id).ToArray()) { Applications = Applications.For(s, null) };
    }

    public static TeamView Team(WargameSession s, Team team)
    {
        var g = s.Game;
        var country = g.CountryOf(team.Id);
        var sight = Sight(s, country);
        var offers = g.OffersInOrder.Where(sight.SeesOffer).Select(o => Offer(s, sight.Offer(o, c => NameOf(s, c)), country)).ToArray();
        var threats = country is null ? [] : ThreatsAgainst(s, country);
        return new TeamView(team.Id, team.Name, country, Clock(s), country is not null && g.Moves.ContainsKey(country),
            country is not null && g.Moves.TryGetValue(country, out var m) ? m : null,
            country is null ? null : Brief(s, country), World(s, sight), offers, threats, g.Messages,
            s.World.Countries.Where(c => c.Id != country).Select(c => c.Id).ToArray(), s.World.Minerals.Select(x => x.Id).ToArray(), Issues,
            country is null ? g.Seats.Where(kv => kv.Value is null).Select(kv => kv.Key).ToArray() : [])
            { Applications = country is not null && Applications.IsMember(s, country) ? Applications.For(s, country) : [],
              Duty = country is null ? null : DutyOn(s, country),
              BlocMoves = country is null ? null : BlocMoves.For(s, country, threats.Count > 0),
              CountryNames = s.World.Countries.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal) };
    }

    /// <summary>The scenario's information rules applied to the team playing <paramref name="country"/> (null: a team with no seat).</summary>
    public static TeamSight Sight(WargameSession s, string? country) =>
        new((s.Scenario.Classroom ?? new ClassroomSettings()).Sight, country, s.Reports, new PublicNews(s.Scenario));

    public static string NameOf(WargameSession s, string id) => s.World.CountryName(id);

    private static OfferView Offer(WargameSession s, Offer o, string? me) => Offer(s.Values, o, me);

    public static OfferView Offer(IReadOnlyDictionary<string, OfferValue> values, Offer o, string? me)
    {
        double? value = null, noDeal = null;
        // Only the viewer's own side of the valuation, and only on offers it is party to: the other side's is private.
        if (values.TryGetValue(o.Id, out var v) && me is not null && (me == o.Buyer || me == o.Seller))
            (value, noDeal) = me == o.Buyer ? (v.Buyer, v.BuyerReservation) : (v.Seller, v.SellerReservation);
        return new OfferView(o.Id, o.Round, o.From, o.To, o.Buyer, o.Seller, o.Mineral, o.Stage, o.Outcome, DealSpace.Standard.Describe(o.Outcome),
            o.Status.ToString().ToLowerInvariant(), o.Why, o.Counters, value, noDeal);
    }

    /// <summary>The world: all of it for the instructor (<paramref name="sight"/> null), else what the team's sight lets through.</summary>
    public static WorldView? World(WargameSession s, TeamSight? sight)
    {
        if (s.Reports.Count == 0) return null;
        var r = s.Reports[^1];
        static WorldRow Row(CountryMineralRow x) => new(x.Country, x.Mineral, x.Stage, x.Output, x.Use, x.Imports, x.Exports, x.ImportsFromChina, x.FobPrice);
        if (sight is null)
            return new WorldView(r.Round, r.Month, r.Members, r.Prices, s.Reports.SelectMany(x => x.Events).ToArray(),
                s.Reports.SelectMany(x => x.Deals).Where(d => d.Status == "signed").ToArray(), r.Rows.Select(Row).ToArray(), r.Round, []);
        return new WorldView(r.Round, r.Month, r.Members, r.Prices, sight.Events(), sight.Deals(), sight.Rows().Select(Row).ToArray(),
            sight.OthersRound, sight.Hidden(k => s.Reports[k - 1].Month));
    }

    /// <summary>
    /// The Section 232 threat standing against the country, if any: a threat ends when it is withdrawn (the country joined
    /// or agreed with the US), imposed, or lapsed at its deadline, and joining the bloc ends it whatever the engine says.
    /// </summary>
    /// <summary>
    /// The Section 232 duty standing on the country's exports to the US, in words; null if none. Joining the bloc or an
    /// agreement with the US lifts it (a section232-ended event), so the last Section 232 event says whether it stands.
    /// </summary>
    public static string? DutyOn(WargameSession s, string country)
    {
        var last = s.Reports.SelectMany(r => r.Events).LastOrDefault(e => e.Country == country && e.Kind.StartsWith("section232-", StringComparison.Ordinal)
            && e.Kind != "section232-dropped");
        return last?.Kind == "section232-imposed"
            ? $"{last.Reason.Replace("deadline passed without agreement: ", "", StringComparison.Ordinal)}, since {s.Scenario.MonthOf(last.Round)}; joining the bloc or a deal with the US lifts it"
            : null;
    }

    public static IReadOnlyList<string> ThreatsAgainst(WargameSession s, string country)
    {
        var last = s.Reports.SelectMany(r => r.Events).LastOrDefault(e => e.Country == country
            && (e.Kind.StartsWith("section232-", StringComparison.Ordinal) || e.Kind == "joined"));
        return last?.Kind == "section232-threat" ? [last.Reason] : [];
    }

    /// <summary>A country's briefing from the scenario and the first simulated round: position, dependencies, stance, objectives.</summary>
    public static Briefing Brief(WargameSession s, string country)
    {
        var i = s.World.CountryIndex(country);
        var c = s.World.Countries[i];
        var first = s.Reports.Count > 0 ? s.Reports[0] : null;
        var position = first?.Rows.Where(x => x.Country == country && (x.Output > 0 || x.Use > 0))
            .Select(x => new WorldRow(x.Country, x.Mineral, x.Stage, x.Output, x.Use, x.Imports, x.Exports, x.ImportsFromChina, x.FobPrice)).ToArray() ?? [];
        var deps = position.Where(x => x.Use > 0 && x.ImportsFromChina / x.Use >= 0.1)
            .Select(x => $"{x.Mineral} {x.Stage}: {x.ImportsFromChina / x.Use:P0} of use comes from China").ToList();
        var st = c.Stance;
        var objectives = new List<string>();
        if (st.Security >= 0.6) objectives.Add("Secure supply: cut your dependence on a single supplier, even at some cost.");
        if (st.Economic >= 0.8) objectives.Add("Keep your economy's welfare up: cheap inputs, good prices for what you sell.");
        if (st.Alignment > 0.3) objectives.Add("Stand with the US-led bloc where it costs little.");
        if (st.Alignment < -0.3) objectives.Add("Keep the US-led bloc from isolating you.");
        if (st.Autonomy >= 0.5) objectives.Add("Keep your freedom of action: avoid commitments you cannot leave.");
        if (objectives.Count == 0) objectives.Add("Maximise your welfare over the game.");
        // The position is the first round's (the briefing's starting point); membership is today's, as the page says it.
        var member = s.Reports.Count > 0 && s.Reports[^1].Members.Contains(country);
        return new Briefing(country, c.Name, c.Role.ToString(), member, st, NegotiationSettings.DefaultStrategy(c), position, deps, objectives);
    }
}
