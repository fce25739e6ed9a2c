using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace NegotiationSim.Wargame;

public enum GamePhase { Setup, Running, Paused, Ended }

/// <summary>
/// A war-game's state, rebuilt from its inputs alone: seats, teams, the round, its timer and the moves made so far.
/// <see cref="Check"/> says why an input cannot be taken (a forged or stale request), <see cref="Apply"/> takes one
/// that can. The host journals an input between the two, so a crash never loses an accepted input and a replay
/// never meets one the game refused.
/// </summary>
public sealed class Game
{
    // Immutable collections, replaced whole on each change: the pages read the game outside the lock that orders
    // inputs, and must never enumerate a collection while an input changes it.
    private ImmutableDictionary<string, Team> _teams = ImmutableDictionary.Create<string, Team>(StringComparer.Ordinal);
    private ImmutableSortedDictionary<string, string?> _seats = ImmutableSortedDictionary.Create<string, string?>(StringComparer.Ordinal);
    private ImmutableDictionary<string, TeamMove> _moves = ImmutableDictionary.Create<string, TeamMove>(StringComparer.Ordinal);
    private ImmutableList<ClosedRound> _history = [];
    private ImmutableList<GameInput> _inputs = [];
    private ImmutableDictionary<string, Offer> _offers = ImmutableDictionary.Create<string, Offer>(StringComparer.Ordinal);
    private ImmutableList<AdmissionVoted> _votes = [];

    /// <summary>Whether a country's team may know an offer exists (the scenario's offer rules): one it may not is "no offer".</summary>
    private readonly Func<string, Offer, bool> _seesOffer;

    private Game(GameCreated created, IEnumerable<string> countries, Func<string, Offer, bool>? seesOffer)
    {
        Created = created;
        foreach (var c in countries) _seats = _seats.SetItem(c, null);
        _seesOffer = seesOffer ?? ((country, o) => country == o.From || country == o.To);
    }

    public GameCreated Created { get; }

    /// <summary>SHA-256 of the key instructor actions need now.</summary>
    public string InstructorKeyHash { get; private set; } = "";
    public GameRules Rules => Created.Rules;
    public GamePhase Phase { get; private set; } = GamePhase.Setup;

    /// <summary>The round being played (1-based); 0 before the start.</summary>
    public int Round { get; private set; }

    /// <summary>When the current round's timer runs out; null while paused or not running.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>Seconds left on the timer when the game was paused, so a resume gives them back.</summary>
    private double _pausedRemaining;

    /// <summary>Seconds a resume gives back; null unless paused.</summary>
    public double? PausedSecondsLeft => Phase == GamePhase.Paused ? _pausedRemaining : null;

    /// <summary>Why the game is paused (the instructor, or the host restarting after downtime); null unless paused.</summary>
    public PauseCause? PausedBy { get; private set; }

    public IReadOnlyDictionary<string, Team> Teams => _teams;

    /// <summary>Country → the team playing it, or null where the computer plays.</summary>
    public IReadOnlyDictionary<string, string?> Seats => _seats;

    /// <summary>This round's votes on applications to join the bloc so far, in the order cast.</summary>
    public IReadOnlyList<AdmissionVoted> Votes => _votes;

    /// <summary>This round's moves so far, by country.</summary>
    public IReadOnlyDictionary<string, TeamMove> Moves => _moves;

    public IReadOnlyList<ClosedRound> History => _history;

    /// <summary>Every input taken, in order: what the journal holds.</summary>
    public IReadOnlyList<GameInput> Inputs => _inputs;

    /// <summary>Every offer made so far, by id, with where it stands.</summary>
    public IReadOnlyDictionary<string, Offer> Offers => _offers;

    /// <summary>The offers in the order they were made (O1, O2, …, O10): how every page and export lists them.</summary>
    public IEnumerable<Offer> OffersInOrder => _offers.Values.OrderBy(o => o.Id.Length).ThenBy(o => o.Id, StringComparer.Ordinal);

    /// <summary>The id the next offer gets: numbered in journal order, so a replay gives the same ids.</summary>
    public string NextOfferId => $"O{_offers.Count + 1}";

    public IReadOnlyList<string> Messages => _inputs.OfType<MessageBroadcast>().Select(m => m.Text).ToList();

    /// <param name="seesOffer">Whether a country's team sees an offer (default: only its two parties do).</param>
    public static Game Create(GameCreated created, IEnumerable<string> countries, Func<string, Offer, bool>? seesOffer = null)
    {
        var game = new Game(created, countries, seesOffer) { InstructorKeyHash = created.InstructorKeyHash };
        game._inputs = game._inputs.Add(created);
        return game;
    }

    /// <summary>The countries teams play, in country order.</summary>
    public IEnumerable<string> PlayedCountries => _seats.Where(s => s.Value is not null).Select(s => s.Key);

    /// <summary>Countries whose team has not moved this round.</summary>
    public IEnumerable<string> Waiting => PlayedCountries.Where(c => !_moves.ContainsKey(c));

    public string? CountryOf(string teamId) => _seats.FirstOrDefault(s => s.Value == teamId).Key;

    /// <summary>Null if the input can be taken now; otherwise what is wrong with it, for the requester.</summary>
    public string? Check(GameInput input) => input switch
    {
        GameCreated => "the game already exists",
        TeamAdded t when _teams.ContainsKey(t.TeamId) => $"team '{t.TeamId}' already exists",
        TeamAdded t when _teams.Values.Any(x => x.Name == t.Name) => $"a team is already called '{t.Name}'",
        TeamAdded => Phase == GamePhase.Ended ? "the game has ended" : null,
        SeatChanged s when !_seats.ContainsKey(s.Country) => $"'{s.Country}' is not a country of this game",
        SeatChanged s when s.TeamId is not null && !_teams.ContainsKey(s.TeamId) => $"no team '{s.TeamId}'",
        SeatChanged s when s.TeamId is not null && CountryOf(s.TeamId) is { } held && held != s.Country =>
            $"team '{s.TeamId}' already plays {held}",
        SeatChanged => Phase == GamePhase.Ended ? "the game has ended" : null,
        SeatClaimed c when !_seats.ContainsKey(c.Country) => $"'{c.Country}' is not a country of this game",
        SeatClaimed c when _seats[c.Country] is not null => $"{c.Country} is already played by a team",
        SeatClaimed c when !_teams.ContainsKey(c.TeamId) => "unknown team",
        SeatClaimed c when CountryOf(c.TeamId) is { } held => $"your team already plays {held}",
        SeatClaimed => Phase == GamePhase.Ended ? "the game has ended" : null,
        TeamCodeReissued r when !_teams.ContainsKey(r.TeamId) => $"no team '{r.TeamId}'",
        TeamCodeReissued r => r.CodeHash.Length == 64 ? null : "not a code hash",
        GameStarted => Phase == GamePhase.Setup ? null : "the game has already started",
        GamePaused p when p.SecondsLeft is { } left && !(left >= 0 && left <= 86400) => "seconds left: 0 to 86400",
        GamePaused => Phase == GamePhase.Running ? null : "the game is not running",
        GameResumed => Phase == GamePhase.Paused ? null : "the game is not paused",
        MoveSubmitted m => CheckMove(m),
        TimerExtended e when e.Round != Round => $"round {e.Round} is not the current round ({Round})",
        TimerExtended e when e.Seconds is < 1 or > 3600 => "extend the timer by 1 to 3600 seconds",
        TimerExtended => Phase is GamePhase.Running or GamePhase.Paused ? null : "the game is not running",
        EventInjected e when EventNumbers.FirstNonFinite(e.Event) is { } field => $"{field}: a finite number",
        EventInjected e when e.Round <= Round && Phase != GamePhase.Setup => $"events can be injected from round {Round + 1}",
        EventInjected e when e.Round > Rules.Rounds => $"the game ends at round {Rules.Rounds}",
        EventInjected => Phase == GamePhase.Ended ? "the game has ended" : null,
        MessageBroadcast b when string.IsNullOrWhiteSpace(b.Text) => "the message is empty",
        MessageBroadcast b when b.Text.Length > 1000 => "a message is at most 1000 characters",
        MessageBroadcast => null,
        InstructorKeyIssued k => k.KeyHash.Length == 64 ? null : "not a key hash",
        OfferMade o => CheckOffer(o),
        AdmissionVoted v when v.Applicant == v.Country => "a country does not vote on its own application",
        AdmissionVoted v when !_seats.ContainsKey(v.Applicant) => $"'{v.Applicant}' is not a country of this game",
        AdmissionVoted v => CheckMove(new MoveSubmitted(v.At, v.TeamId, v.Country, v.Round, new TeamMove(BlocChoice.Stay))),
        OfferAnswered a => CheckAnswer(a),
        RoundClosed c when c.Round != Round => $"round {c.Round} is not the current round ({Round})",
        RoundClosed c => CheckClose(c),
        _ => "unknown input",
    };

    private string? CheckMove(MoveSubmitted m)
    {
        if (Phase == GamePhase.Paused) return "the game is paused";
        if (Phase != GamePhase.Running) return "the game is not running";
        if (m.Round != Round) return $"round {m.Round} is not the current round ({Round})";
        if (!_teams.ContainsKey(m.TeamId)) return "unknown team";
        if (!_seats.TryGetValue(m.Country, out var team) || team != m.TeamId) return $"your team does not play {m.Country}";
        return null;
    }

    private string? CheckOffer(OfferMade o)
    {
        if (CheckMove(new MoveSubmitted(o.At, o.TeamId, o.Country, o.Round, new TeamMove(BlocChoice.Stay))) is { } error) return error;
        if (o.OfferId != NextOfferId) return $"offer id {o.OfferId} out of order (next is {NextOfferId})";
        if (o.Buyer == o.Seller) return "buyer and seller must be different countries";
        if (o.Buyer != o.Country && o.Seller != o.Country) return $"an offer from {o.Country} must have {o.Country} as buyer or seller";
        var partner = o.Buyer == o.Country ? o.Seller : o.Buyer;
        if (!_seats.ContainsKey(partner)) return $"'{partner}' is not a country of this game";
        if (o.Counters is null) return null;
        // An offer the team may not see is answered as one that does not exist: it must not learn that offers between
        // others exist, nor their fate. One it sees but was not made to it is told so, before where it stands.
        if (!_offers.TryGetValue(o.Counters, out var countered) || !_seesOffer(o.Country, countered)) return $"no offer {o.Counters}";
        if (countered.To != o.Country) return $"offer {o.Counters} was not made to {o.Country}";
        if (countered.Status != OfferStatus.Open) return $"offer {o.Counters} is already {countered.Status.ToString().ToLowerInvariant()}";
        if (countered.From != partner) return $"a counter to {o.Counters} goes back to {countered.From}";
        return null;
    }

    private string? CheckAnswer(OfferAnswered a)
    {
        if (Phase != GamePhase.Running) return Phase == GamePhase.Paused ? "the game is paused" : "the game is not running";
        if (a.Round != Round) return $"round {a.Round} is not the current round ({Round})";
        if (!_offers.TryGetValue(a.OfferId, out var offer) || a.TeamId is not null && !_seesOffer(a.Country, offer)) return $"no offer {a.OfferId}";
        if (offer.To != a.Country) return $"offer {a.OfferId} was not made to {a.Country}";
        if (offer.Status != OfferStatus.Open) return $"offer {a.OfferId} is already {offer.Status.ToString().ToLowerInvariant()}";
        if (!_seats.TryGetValue(a.Country, out var seat)) return $"'{a.Country}' is not a country of this game";
        if (a.TeamId is null) return seat is null ? null : $"{a.Country} is played by a team";
        if (!_teams.ContainsKey(a.TeamId)) return "unknown team";
        return seat == a.TeamId ? null : $"your team does not play {a.Country}";
    }

    /// <summary>Offers accepted in <paramref name="round"/>: the deals people agreed that round.</summary>
    public IEnumerable<Offer> AgreedIn(int round) => _offers.Values.Where(o => o.Round == round && o.Status == OfferStatus.Accepted)
        .OrderBy(o => int.Parse(o.Id[1..], System.Globalization.CultureInfo.InvariantCulture));

    private string? CheckClose(RoundClosed c)
    {
        if (Phase is not (GamePhase.Running or GamePhase.Paused)) return "the game is not running";
        return c.Reason switch
        {
            CloseReason.AllMoved when Waiting.Any() => $"still waiting for {string.Join(", ", Waiting)}",
            CloseReason.TimerExpired when Deadline is not { } d || c.At < d => "the timer has not run out",
            _ => null,
        };
    }

    /// <summary>Takes an input that <see cref="Check"/> accepted.</summary>
    public void Apply(GameInput input)
    {
        if (Check(input) is { } error) throw new InvalidOperationException(error);
        _inputs = _inputs.Add(input);
        switch (input)
        {
            case TeamAdded t:
                _teams = _teams.SetItem(t.TeamId, new Team(t.TeamId, t.Name, t.CodeHash));
                break;
            case SeatChanged s:
                _seats = _seats.SetItem(s.Country, s.TeamId);
                break;
            case TeamCodeReissued r:
                _teams = _teams.SetItem(r.TeamId, _teams[r.TeamId] with { CodeHash = r.CodeHash });
                break;
            case SeatClaimed c:
                _seats = _seats.SetItem(c.Country, c.TeamId);
                break;
            case GameStarted g:
                Phase = GamePhase.Running;
                OpenRound(1, g.At);
                break;
            case GamePaused p:
                Phase = GamePhase.Paused;
                PausedBy = p.Cause;
                _pausedRemaining = p.SecondsLeft ?? Math.Max(0, (Deadline!.Value - p.At).TotalSeconds);
                Deadline = null;
                break;
            case GameResumed r:
                Phase = GamePhase.Running;
                PausedBy = null;
                Deadline = r.At.AddSeconds(_pausedRemaining);
                break;
            case MoveSubmitted m:
                _moves = _moves.SetItem(m.Country, m.Move);
                break;
            case AdmissionVoted v:
                _votes = _votes.Add(v);
                break;
            case TimerExtended e:
                if (Deadline is { } d) Deadline = d.AddSeconds(e.Seconds);
                else _pausedRemaining += e.Seconds;
                break;
            case InstructorKeyIssued k:
                InstructorKeyHash = k.KeyHash;
                break;
            case OfferMade o:
                if (o.Counters is { } id) _offers = _offers.SetItem(id, _offers[id] with { Status = OfferStatus.Countered });
                _offers = _offers.SetItem(o.OfferId, new Offer(o.OfferId, o.Round, o.Country, o.Buyer == o.Country ? o.Seller : o.Buyer, o.Buyer, o.Seller,
                    o.Mineral, o.Stage, o.Outcome, o.Counters, OfferStatus.Open, null));
                break;
            case OfferAnswered a:
                _offers = _offers.SetItem(a.OfferId, _offers[a.OfferId] with { Status = a.Accept ? OfferStatus.Accepted : OfferStatus.Rejected, Why = a.Why });
                break;
            case RoundClosed c:
                foreach (var open in _offers.Values.Where(o => o.Status == OfferStatus.Open).ToList())
                    _offers = _offers.SetItem(open.Id, open with { Status = OfferStatus.Expired });
                _history = _history.Add(new ClosedRound(c.Round, c.Reason, new Dictionary<string, TeamMove>(_moves),
                    PlayedCountries.ToList()) { Votes = _votes.ToList() });
                _moves = _moves.Clear();
                _votes = _votes.Clear();
                if (c.Round >= Rules.Rounds)
                {
                    Phase = GamePhase.Ended;
                    Deadline = null;
                }
                else
                {
                    var wasPaused = Phase == GamePhase.Paused;
                    OpenRound(c.Round + 1, c.At);
                    if (wasPaused)
                    {
                        _pausedRemaining = Rules.RoundSeconds;
                        Deadline = null;
                    }
                }
                break;
        }
    }

    /// <summary>Rebuilds a game from its journal.</summary>
    public static Game Replay(IReadOnlyList<GameInput> inputs, Func<GameCreated, IEnumerable<string>> countriesOf)
    {
        if (inputs.Count == 0 || inputs[0] is not GameCreated created)
            throw new InvalidDataException("a war-game journal starts with the game's creation");
        var game = Create(created, countriesOf(created));
        for (var k = 1; k < inputs.Count; k++) game.Apply(inputs[k]);
        return game;
    }

    /// <summary>Injected events that take effect in <paramref name="round"/>.</summary>
    public IEnumerable<EventInjected> InjectedFor(int round) => _inputs.OfType<EventInjected>().Where(e => e.Round == round);

    private void OpenRound(int round, DateTimeOffset at)
    {
        Round = round;
        Deadline = at.AddSeconds(Rules.RoundSeconds);
    }
}

/// <summary>A team: its display name and the hash of its join code.</summary>
public sealed record Team(string Id, string Name, string CodeHash);

/// <summary>A round as it closed: why, the moves teams made and which countries teams played then.</summary>
public sealed record ClosedRound(int Round, CloseReason Reason, IReadOnlyDictionary<string, TeamMove> Moves, IReadOnlyList<string> Played)
{
    /// <summary>The votes teams cast on applications to join the bloc that round, in the order cast.</summary>
    public IReadOnlyList<AdmissionVoted> Votes { get; init; } = [];
}

/// <summary>An offer from one country to another and where it stands.</summary>
public sealed record Offer(string Id, int Round, string From, string To, string Buyer, string Seller, string Mineral, string Stage,
    int Outcome, string? Counters, OfferStatus Status, string? Why);

[JsonConverter(typeof(JsonStringEnumConverter<OfferStatus>))]
public enum OfferStatus { Open, Accepted, Rejected, Countered, Expired }
