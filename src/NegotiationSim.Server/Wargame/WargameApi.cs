using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.World;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The war-game's HTTP API under /api/wargame. Instructor actions need the key (header X-Instructor-Key); team actions
/// need the team's join code (header X-Team-Code) and act only for the country that team plays. Every request is
/// checked (types by binding, then bounds and sizes here) and rate-limited per caller; a refusal says what was wrong.
/// </summary>
public static class WargameApi
{
    public const string KeyHeader = "X-Instructor-Key";
    public const string CodeHeader = "X-Team-Code";
    public const int MaxName = 40;
    public const int MaxMessage = 1000;

    /// <summary>Longest id a request may carry: countries ("USA"), teams ("t12"), offers ("O143") are far shorter.</summary>
    public const int MaxId = 16;

    /// <summary>How much of a bad value a refusal repeats: enough to recognise it, never a whole pasted page.</summary>
    public const int Echo = 24;

    /// <param name="Replace">Seat the new team at a country another team plays, which then plays none; without it that is refused.</param>
    public sealed record TeamRequest(string? Name, string? Country, bool Replace = false);
    public sealed record SeatRequest(string? Country, string? TeamId);
    public sealed record ExtendRequest(int Seconds);
    public sealed record MessageRequest(string? Text);
    public sealed record MoveRequest(int Round, BlocChoice Bloc, ThreatAnswer Threat = ThreatAnswer.None);
    public sealed record OfferRequest(int Round, string? Partner, string? Role, string? Mineral, string? Stage, int[]? Levels, string? Counters);
    public sealed record AnswerRequest(int Round, string? OfferId, bool Accept);
    public sealed record PickRequest(string? Country);
    public sealed record VoteRequest(int Round, string? Applicant, bool Admit);

    private static IResult Refused(string error, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { errors = new[] { error } }, statusCode: status);

    private static IResult Outcome(string? error) => error is null ? Results.Ok(new { ok = true }) : Refused(error, StatusCodes.Status409Conflict);

    /// <summary>An identical repeat of what the game already holds: 200, saying so, with nothing journaled.</summary>
    private static IResult AlreadyRecorded(string note) => Results.Ok(new { ok = true, unchanged = true, note });

    /// <summary>A value as a refusal may repeat it: at most <see cref="Echo"/> characters, then "…".</summary>
    public static string Shown(string value) => value.Length <= Echo ? value : value[..Echo] + "…";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/wargame");
        api.MapGet("/clock", (WargameSession s) => WargameViews.Clock(s));

        // --- instructor ---
        api.MapGet("/instructor", (HttpContext http, WargameSession s, RateLimiter limit, PublicAddress address) =>
            Instructor(http, s, limit) ?? Results.Ok(WargameViews.Instructor(s) with { PublicUrl = address.Url }));
        api.MapGet("/menu", (HttpContext http, WargameSession s, RateLimiter limit) =>
            Instructor(http, s, limit) ?? Results.Ok(EventMenu.Menu(s.Scenario)));
        api.MapPost("/teams", async (HttpContext http, TeamRequest r, WargameSession s, RateLimiter limit, PublicAddress address) =>
        {
            if (Instructor(http, s, limit) is { } no) return no;
            var name = (r.Name ?? "").Trim();
            if (name.Length is 0 or > MaxName) return Refused($"name: 1 to {MaxName} characters");
            if (r.Country is not null && (r.Country.Length > MaxId || s.World.CountryIndex(r.Country) < 0)) return Refused($"country: '{Shown(r.Country)}' is not in this game");
            // A country another team plays is taken from it only when the instructor says so: a slip must not unseat a team.
            if (r.Country is not null && s.Game.Seats.TryGetValue(r.Country, out var holder) && holder is not null && !r.Replace)
                return Refused($"country: {r.Country} is played by team '{s.Game.Teams[holder].Name}' ({holder}); to replace it, seat the new team at {r.Country} in the seats table, or send \"replace\": true (that team then plays no country)",
                    StatusCodes.Status409Conflict);
            var code = Secrets.NewCode();
            var (error, input) = await s.TakeAsync(g => new TeamAdded(s.Now, $"t{g.Teams.Count + 1}", name, Secrets.Hash(code)));
            if (error is not null) return Refused(error, StatusCodes.Status409Conflict);
            var teamId = ((TeamAdded)input!).TeamId;
            if (r.Country is not null && await s.TakeAsync(new SeatChanged(s.Now, r.Country, teamId)) is { } seatError)
                return Refused(seatError, StatusCodes.Status409Conflict);
            return Results.Ok(new { teamId, name, code, link = TeamLink(address, code) });
        });
        api.MapPost("/teams/{teamId}/code", async (HttpContext http, string teamId, WargameSession s, RateLimiter limit, PublicAddress address) =>
        {
            if (Instructor(http, s, limit) is { } no) return no;
            if (teamId.Length > MaxId) return Refused("teamId: a team's id, e.g. t3");
            var code = Secrets.NewCode();
            var error = await s.TakeAsync(new TeamCodeReissued(s.Now, teamId, Secrets.Hash(code)));
            return error is null ? Results.Ok(new { teamId, name = s.Game.Teams[teamId].Name, code, link = TeamLink(address, code) })
                : Refused(error, StatusCodes.Status409Conflict);
        });
        api.MapPost("/seat", async (HttpContext http, SeatRequest r, WargameSession s, RateLimiter limit) =>
        {
            if (Instructor(http, s, limit) is { } no) return no;
            if (string.IsNullOrEmpty(r.Country) || r.Country.Length > MaxId) return Refused("country: a country's id, e.g. KOR");
            if (r.TeamId is { Length: > MaxId }) return Refused("teamId: a team's id, e.g. t3 (or none: the computer plays)");
            return Outcome(await s.TakeAsync(new SeatChanged(s.Now, r.Country, string.IsNullOrEmpty(r.TeamId) ? null : r.TeamId)));
        });
        api.MapPost("/start", async (HttpContext http, WargameSession s, RateLimiter limit) =>
            Instructor(http, s, limit) ?? Outcome(await s.TakeAsync(new GameStarted(s.Now))));
        api.MapPost("/pause", async (HttpContext http, WargameSession s, RateLimiter limit) =>
            Instructor(http, s, limit) ?? Outcome(await s.TakeAsync(new GamePaused(s.Now))));
        api.MapPost("/resume", async (HttpContext http, WargameSession s, RateLimiter limit) =>
            Instructor(http, s, limit) ?? Outcome(await s.TakeAsync(new GameResumed(s.Now))));
        api.MapPost("/advance", async (HttpContext http, WargameSession s, RateLimiter limit) =>
            Instructor(http, s, limit) ?? Outcome((await s.TakeAsync(g => new RoundClosed(s.Now, g.Round, CloseReason.InstructorAdvanced))).Error));
        api.MapPost("/extend", async (HttpContext http, ExtendRequest r, WargameSession s, RateLimiter limit) =>
            Instructor(http, s, limit) ?? Outcome((await s.TakeAsync(g => new TimerExtended(s.Now, g.Round, r.Seconds))).Error));
        api.MapPost("/message", async (HttpContext http, MessageRequest r, WargameSession s, RateLimiter limit) =>
        {
            if (Instructor(http, s, limit) is { } no) return no;
            var text = (r.Text ?? "").Trim();
            if (text.Length is 0 or > MaxMessage) return Refused($"text: 1 to {MaxMessage} characters");
            return Outcome(await s.TakeAsync(new MessageBroadcast(s.Now, text)));
        });
        api.MapPost("/inject", async (HttpContext http, InjectRequest r, WargameSession s, RateLimiter limit) =>
        {
            if (Instructor(http, s, limit) is { } no) return no;
            // A NaN passes every range check (NaN <= 0 and NaN > 1 are both false): refuse non-finite numbers by name first.
            if (NonFinite([.. EventMenu.Numbers(r)]) is { } field) return Refused($"{field}: a finite number");
            // Built inside the game's lock for the round after the current one, and taken whole: a scenario event brought
            // forward and its withdrawal from its own round are journaled together or not at all.
            var (round, status) = (0, StatusCodes.Status400BadRequest);
            var error = await s.TakeAllAsync(g =>
            {
                round = g.Round + 1;
                var (events, why) = EventMenu.Build(s.Scenario, r, round, g.Inputs.OfType<EventInjected>().Select(i => i.Event).ToArray());
                if (events is null) return (null, why);
                status = StatusCodes.Status409Conflict;
                if ((InjectChecks.Unheard(s, events) ?? InjectChecks.Repeated(s, events)) is { } pointless) return (null, pointless);
                return (events.Select(e => (GameInput)new EventInjected(s.Now, round, e)).ToArray(), null);
            });
            return error is null ? Results.Ok(new { ok = true, round }) : Refused(error, status);
        });
        api.MapGet("/debrief", async (HttpContext http, WargameSession s, RateLimiter limit, DebriefCache cache) =>
            Instructor(http, s, limit) ?? Results.Ok(await cache.GetAsync(s)));
        api.MapGet("/debrief.csv", async (HttpContext http, WargameSession s, RateLimiter limit, DebriefCache cache) =>
            Instructor(http, s, limit) ?? Results.Text(DebriefExport.Csv(await cache.GetAsync(s)), "text/csv"));
        api.MapGet("/debrief.html", async (HttpContext http, WargameSession s, RateLimiter limit, DebriefCache cache) =>
            Instructor(http, s, limit) ?? Results.Text(DebriefExport.Html(await cache.GetAsync(s)), "text/html"));

        // --- teams ---
        api.MapGet("/team", (HttpContext http, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            return no ?? Results.Ok(WargameViews.Team(s, team!));
        });
        api.MapPost("/pick", async (HttpContext http, PickRequest r, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            if (no is not null) return no;
            if (r.Country is null || r.Country.Length > MaxId) return Refused("country: the id of a country the computer plays");
            return Outcome(await s.TakeAsync(new SeatClaimed(s.Now, r.Country, team!.Id)));
        });
        api.MapPost("/move", async (HttpContext http, MoveRequest r, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            if (no is not null) return no;
            if (!Enum.IsDefined(r.Bloc) || !Enum.IsDefined(r.Threat)) return Refused("bloc: stay, join or leave; threat: none, comply or defy");
            var country = s.Game.CountryOf(team!.Id);
            if (country is null) return Refused("your team plays no country at the moment", StatusCodes.Status409Conflict);
            var move = new MoveSubmitted(s.Now, team.Id, country, r.Round, new TeamMove(r.Bloc, r.Threat));
            // A stale or paused-game move is told so first; then what the team's page offers is what the engine can
            // honour: anything else is refused here, not journaled and then ignored by the simulation.
            if (s.Game.Check(move) is { } stale) return Refused(stale, StatusCodes.Status409Conflict);
            if (BlocMoves.Check(WargameViews.Team(s, team).BlocMoves!, move.Move) is { } closed) return Refused(closed, StatusCodes.Status409Conflict);
            // A page that sends the same move again (a double click, a retry) changes nothing: acknowledged, not journaled again.
            if (s.Game.Moves.TryGetValue(country, out var current) && current == move.Move) return AlreadyRecorded($"your move for round {r.Round} was already recorded");
            return Outcome(await s.TakeAsync(move));
        });
        api.MapPost("/offer", async (HttpContext http, OfferRequest r, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            if (no is not null) return no;
            var country = s.Game.CountryOf(team!.Id);
            if (country is null) return Refused("your team plays no country at the moment", StatusCodes.Status409Conflict);
            if (CheckDeal(s, country, r.Partner, r.Role, r.Mineral, r.Stage, r.Levels) is { } bad) return Refused(bad);
            if (r.Counters is { Length: 0 or > MaxId }) return Refused("counters: the id of the offer this one answers, e.g. O3");
            // A counter changes the terms of the deal it answers, not the deal: same mineral, stage and sides. (Checked here,
            // not in Game, so journals of games that countered otherwise still replay.)
            if (r.Counters is not null && s.Game.Offers.TryGetValue(r.Counters, out var answered) && answered.To == country
                && (answered.Mineral != r.Mineral || answered.Stage != r.Stage || (answered.Buyer == country) != (r.Role == "buy")))
                return Refused($"counters: a counter to {answered.Id} is on its deal ({(answered.Buyer == country ? "buy" : "sell")} {answered.Mineral} {answered.Stage}); "
                    + "change its terms, or make a new offer that counters nothing");
            var (buyer, seller) = r.Role == "buy" ? (country, r.Partner!) : (r.Partner!, country);
            var outcome = DealSpace.Standard.Compose(r.Levels!);
            if (IsEmpty(outcome)) return Refused("levels: 0% offtake with no tariff cut and no investment commits neither side to anything; offer some offtake, a tariff cut or an investment");
            var (error, input) = await s.TakeOfferAsync(g => new OfferMade(s.Now, team.Id, country, r.Round, g.NextOfferId, buyer, seller, r.Mineral!, r.Stage!, outcome, r.Counters));
            if (error is not null) return Refused(error, StatusCodes.Status409Conflict);
            var made = s.Game.Offers[((OfferMade)input!).OfferId];
            // The computer's reason weighs its own gain: the team reads it through its sight, like every view.
            var seen = WargameViews.Sight(s, country).Offer(made, c => WargameViews.NameOf(s, c));
            return Results.Ok(new { offerId = made.Id, status = made.Status.ToString().ToLowerInvariant(), why = seen.Why });
        });
        api.MapPost("/value", async (HttpContext http, OfferRequest r, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            if (no is not null) return no;
            var country = s.Game.CountryOf(team!.Id);
            if (country is null) return Refused("your team plays no country at the moment", StatusCodes.Status409Conflict);
            if (CheckDeal(s, country, r.Partner, r.Role, r.Mineral, r.Stage, r.Levels) is { } bad) return Refused(bad);
            if (s.Reports.Count == 0) return Refused("offers are valued once the game has started", StatusCodes.Status409Conflict);
            var (buyer, seller) = r.Role == "buy" ? (country, r.Partner!) : (r.Partner!, country);
            var v = await s.ValueNowAsync(buyer, seller, r.Mineral!, r.Stage!, DealSpace.Standard.Compose(r.Levels!));
            if (s.Void(seller, r.Mineral!, r.Stage!, v) is { } empty) return Refused(empty, StatusCodes.Status409Conflict);
            var mine = r.Role == "buy" ? (v.Buyer, v.BuyerReservation) : (v.Seller, v.SellerReservation);
            return Results.Ok(new { terms = v.Terms, value = mine.Item1, noDeal = mine.Item2 });
        });
        api.MapPost("/vote", async (HttpContext http, VoteRequest r, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            if (no is not null) return no;
            var country = s.Game.CountryOf(team!.Id);
            if (country is null) return Refused("your team plays no country at the moment", StatusCodes.Status409Conflict);
            if (r.Applicant is null || r.Applicant.Length > MaxId || s.World.CountryIndex(r.Applicant) < 0) return Refused("applicant: a country of this game");
            // Checked against the world the teams see now; the game then checks the round, the seat and the phase.
            if (Applications.CheckVote(s, country, r.Applicant) is { } why) return Refused(why, StatusCodes.Status409Conflict);
            var vote = new AdmissionVoted(s.Now, team.Id, country, r.Round, r.Applicant, r.Admit);
            if (s.Game.Check(vote) is { } stale) return Refused(stale, StatusCodes.Status409Conflict);
            // The last vote counts: the same vote again changes nothing, so it is acknowledged without a new journal line.
            if (s.Game.Votes.LastOrDefault(v => v.Country == country && v.Applicant == r.Applicant) is { } last && last.Admit == r.Admit)
                return AlreadyRecorded($"your vote on {r.Applicant} in round {r.Round} was already recorded");
            return Outcome(await s.TakeAsync(vote));
        });
        api.MapPost("/answer", async (HttpContext http, AnswerRequest r, WargameSession s, RateLimiter limit) =>
        {
            var (team, no) = TeamOf(http, s, limit);
            if (no is not null) return no;
            var country = s.Game.CountryOf(team!.Id);
            if (country is null) return Refused("your team plays no country at the moment", StatusCodes.Status409Conflict);
            if (string.IsNullOrEmpty(r.OfferId) || r.OfferId.Length > MaxId) return Refused("offerId: an offer's id, e.g. O3");
            return Outcome(await s.TakeAsync(new OfferAnswered(s.Now, team.Id, country, r.Round, r.OfferId, r.Accept)));
        });
    }

    /// <summary>The team's join link: absolute at the public address when there is one, else relative to the instructor's page.</summary>
    private static string TeamLink(PublicAddress address, string code) => $"{address.Url}/wargame/team.html#code={code}";

    private static string? CheckDeal(WargameSession s, string country, string? partner, string? role, string? mineral, string? stage, int[]? levels)
    {
        if (partner is null || s.World.CountryIndex(partner) < 0) return "partner: a country of this game";
        if (partner == country) return "partner: another country than your own";
        if (role is not ("buy" or "sell")) return "role: buy or sell";
        if (mineral is null || s.World.MineralIndex(mineral) < 0) return $"mineral: one of {string.Join(", ", s.World.Minerals.Select(m => m.Id))}";
        if (stage is null || !Stages.TryParse(stage, out _)) return "stage: ore, refined or product";
        var issues = DealSpace.Standard.Issues;
        if (levels is null || levels.Length != issues.Count) return $"levels: {issues.Count} numbers, one per issue ({string.Join(", ", issues.Select(i => i.Name))})";
        for (var k = 0; k < issues.Count; k++)
            if (levels[k] < 0 || levels[k] >= issues[k].Count) return $"levels[{k}] ({issues[k].Name}): 0..{issues[k].Count - 1}";
        return null;
    }

    /// <summary>
    /// A deal with no offtake, no tariff cut and no investment: price, months and processing then apply to nothing, so
    /// an offer of it is refused. With 0% offtake but a cut or an investment it is a real (if unusual) deal.
    /// </summary>
    private static bool IsEmpty(int outcome)
    {
        var d = DealSpace.Standard;
        return d.Value(outcome, DealSpace.Volume) == 0 && d.Value(outcome, DealSpace.BuyerCut) == 0
            && d.Value(outcome, DealSpace.SellerCut) == 0 && d.Value(outcome, DealSpace.Investment) == 0;
    }

    /// <summary>The name of the first number that is given but not finite (NaN, ±Infinity); null if there is none.</summary>
    private static string? NonFinite(params (string Name, double? Value)[] numbers) =>
        numbers.FirstOrDefault(n => n.Value is { } x && !double.IsFinite(x)).Name;

    /// <summary>Null when the request carries the current instructor key and is within the rate limit.</summary>
    private static IResult? Instructor(HttpContext http, WargameSession s, RateLimiter limit)
    {
        if (!Secrets.Matches(Header(http, KeyHeader), s.Game.InstructorKeyHash)) return Refused("instructor key missing or wrong", StatusCodes.Status403Forbidden);
        return limit.Allow("instructor", HttpMethods.IsGet(http.Request.Method)) ? null : Refused("too many requests: slow down", StatusCodes.Status429TooManyRequests);
    }

    private static (Team? Team, IResult? Refusal) TeamOf(HttpContext http, WargameSession s, RateLimiter limit)
    {
        var code = Header(http, CodeHeader);
        var team = code is null ? null : s.Game.Teams.Values.FirstOrDefault(t => Secrets.Matches(code, t.CodeHash));
        if (team is null) return (null, Refused("team code missing or wrong", StatusCodes.Status403Forbidden));
        return limit.Allow(team.Id, HttpMethods.IsGet(http.Request.Method)) ? (team, null) : (null, Refused("too many requests: slow down", StatusCodes.Status429TooManyRequests));
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;
}

/// <summary>
/// At most <see cref="Limit"/> actions and <see cref="ReadLimit"/> views per caller in any <see cref="Window"/>: a class
/// clicks, a script floods. Views get more room because every open page fetches one after each change in the game.
/// </summary>
public sealed class RateLimiter(TimeProvider clock)
{
    public const int Limit = 60;
    public const int ReadLimit = 600;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _seen = new(StringComparer.Ordinal);

    public bool Allow(string caller, bool read = false)
    {
        var now = clock.GetUtcNow();
        var q = _seen.GetOrAdd(read ? caller + "/view" : caller, _ => new Queue<DateTimeOffset>());
        lock (q)
        {
            while (q.Count > 0 && now - q.Peek() > Window) q.Dequeue();
            if (q.Count >= (read ? ReadLimit : Limit)) return false;
            q.Enqueue(now);
            return true;
        }
    }
}
