using System.Collections.Immutable;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;
using NegotiationSim.Grains;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// One classroom war-game on this host: the <see cref="Game"/>, its <see cref="Journal"/> and the simulation it drives,
/// a <see cref="ISimulationGrain"/> in the host's silo (its country and market grains show on /dashboard). Inputs are taken one at a time: checked, journaled (flushed to disk), then applied, and only then do they take effect
/// (a round simulated, a computer's answer to an offer). Opening a journal that holds a game replays it, re-running the
/// simulation's rounds on fresh grains from the same inputs (determinism makes that exact).
/// </summary>
public sealed class WargameSession : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Journal _journal;
    private readonly TimeProvider _clock;
    // Replaced whole on each change, like the game's collections: pages read them outside the lock.
    private ImmutableList<RoundReport> _reports = [];
    private ImmutableDictionary<string, OfferValue> _values = ImmutableDictionary.Create<string, OfferValue>(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, double[]> _admissionWorth = new Dictionary<string, double[]>(StringComparer.Ordinal);
    private readonly ISimulationGrain _simulation;
    private long _version;

    private WargameSession(Scenario scenario, Journal journal, Game game, TimeProvider clock, ISimulationGrain simulation)
    {
        Scenario = scenario;
        _journal = journal;
        Game = game;
        _clock = clock;
        _simulation = simulation;
    }

    /// <summary>The grain that runs this game's rounds; its key is new at every start, so a resumed game replays on fresh grains.</summary>
    public string RunId => _simulation.GetPrimaryKeyString();

    /// <summary>Grain calls this game's simulation has made (country and market grains): it rises with every simulated round.</summary>
    public Task<long> GrainCallsAsync() => _simulation.GrainCallsAsync();

    public Scenario Scenario { get; }
    public Game Game { get; }
    public WorldDefinition World => Scenario.World;

    /// <summary>Simulated rounds, in order: round r is the world teams see while they play game round r.</summary>
    public IReadOnlyList<RoundReport> Reports => _reports;

    /// <summary>What each offer is worth to its buyer and seller, valued when it was made.</summary>
    public IReadOnlyDictionary<string, OfferValue> Values => _values;

    /// <summary>For each pending application to join the bloc: what admitting the applicant is worth to each country, $/month.</summary>
    public IReadOnlyDictionary<string, double[]> AdmissionWorth => _admissionWorth;

    /// <summary>Bumped by every input taken; viewers are told so they fetch their view again.</summary>
    public long Version => Interlocked.Read(ref _version);

    public string JournalPath => _journal.Path;

    /// <summary>Raised (outside the lock) after each input takes effect.</summary>
    public event Action<WargameSession>? Changed;

    /// <summary>
    /// Opens the game in <paramref name="journalPath"/>, creating it if the journal is empty, and issues a fresh instructor
    /// key (journaled as its hash): the key printed at this start is the one that works.
    /// </summary>
    public static async Task<(WargameSession Session, string InstructorKey, bool Resumed)> OpenAsync(Scenario scenario,
        string scenarioYaml, string journalPath, GameRules rules, TimeProvider clock, IGrainFactory grains)
    {
        var journal = Journal.Open(journalPath);
        try
        {
            var simulation = grains.GetGrain<ISimulationGrain>($"wargame-{Guid.NewGuid():N}");
            await simulation.StartAsync(scenario);
            var key = Secrets.NewCode();
            var countries = scenario.World.Countries.Select(c => c.Id).ToArray();
            var sight = (scenario.Classroom ?? new ClassroomSettings()).Sight;
            bool SeesOffer(string country, Offer o) => sight.For(country).SeesOffer(country, o.From, o.To);
            WargameSession session;
            var resumed = journal.Inputs.Count > 0;
            if (resumed)
            {
                if (journal.Inputs[0] is not GameCreated created) throw new InvalidDataException($"{journalPath}:1: a war-game journal starts with the game's creation");
                if (created.ScenarioYaml != scenarioYaml)
                    throw new InvalidDataException($"{journalPath}: the game was created from a different text of the scenario \"{created.ScenarioName}\"; start it with the same scenario file");
                session = new WargameSession(scenario, journal, Game.Create(created, countries, SeesOffer), clock, simulation);
                foreach (var input in journal.Inputs.Skip(1))
                {
                    if (session.Game.Check(input) is { } error) throw new InvalidDataException($"{journalPath}: replay refused an input ({error})");
                    session.Game.Apply(input);
                    await session.TakeEffectAsync(input);
                }
            }
            else
            {
                var created = new GameCreated(clock.GetUtcNow(), scenario.Name, scenarioYaml, scenario.Seed, Secrets.Hash(key), rules);
                journal.Append(created);
                session = new WargameSession(scenario, journal, Game.Create(created, countries, SeesOffer), clock, simulation);
            }
            if (resumed)
            {
                await session.PauseAfterDowntimeAsync();
                await session.TakeAsync(new InstructorKeyIssued(clock.GetUtcNow(), Secrets.Hash(key)));
            }
            session.Heartbeat();
            return (session, key, resumed);
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Beside the journal: the host's clock, rewritten every few seconds, so a restart can tell when it went down.</summary>
    public string HeartbeatPath => _journal.Path + ".heartbeat";

    /// <summary>Writes the time now to <see cref="HeartbeatPath"/> (whole or not at all: a crash mid-write leaves the previous beat).</summary>
    public void Heartbeat()
    {
        var temp = HeartbeatPath + ".tmp";
        File.WriteAllText(temp, Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        File.Move(temp, HeartbeatPath, overwrite: true);
    }

    /// <summary>
    /// When the host went down: its last heartbeat, or the last input journaled if that is later (or the beat is missing
    /// or unreadable): the host was certainly alive then.
    /// </summary>
    private DateTimeOffset LastAlive()
    {
        var last = Game.Inputs[^1].At;
        try
        {
            if (File.Exists(HeartbeatPath) && DateTimeOffset.TryParse(File.ReadAllText(HeartbeatPath), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind, out var beat) && beat > last)
                return beat;
        }
        catch (IOException) { } // no beat to read: the journal's last input is the best evidence left
        return last;
    }

    /// <summary>
    /// A round whose timer was running when the host went down is paused, not closed: the class did not lose the time the
    /// server was down. The pause keeps the seconds that were left at the last heartbeat; the instructor resumes.
    /// </summary>
    private async Task PauseAfterDowntimeAsync()
    {
        if (Game.Phase != GamePhase.Running || Game.Deadline is not { } deadline) return;
        var left = Math.Round(Math.Clamp((deadline - LastAlive()).TotalSeconds, 0, 86400), 1);
        await TakeAsync(new GamePaused(Now, PauseCause.HostRestarted, left));
    }

    /// <summary>Takes one input: null when it took effect, else why it was refused (nothing journaled then).</summary>
    public async Task<string?> TakeAsync(GameInput input)
    {
        string? error;
        await _gate.WaitAsync();
        try { error = await TakeLockedAsync(input); }
        finally { _gate.Release(); }
        if (error is null) Changed?.Invoke(this);
        return error;
    }

    /// <summary>Takes an input built from the game as it stands inside the lock (offer ids, the round being closed).</summary>
    public async Task<(string? Error, GameInput? Input)> TakeAsync(Func<Game, GameInput> build)
    {
        GameInput input;
        string? error;
        await _gate.WaitAsync();
        try
        {
            input = build(Game);
            error = await TakeLockedAsync(input);
        }
        finally { _gate.Release(); }
        if (error is null) Changed?.Invoke(this);
        return (error, input);
    }

    /// <summary>
    /// Takes an offer built from the game inside the lock, once it is valued on the market as it stands: an offer under
    /// which nothing would change hands is refused (not journaled), saying why.
    /// </summary>
    public async Task<(string? Error, GameInput? Input)> TakeOfferAsync(Func<Game, OfferMade> build)
    {
        OfferMade input;
        string? error;
        await _gate.WaitAsync();
        try
        {
            input = build(Game);
            error = Game.Check(input);
            if (error is null)
            {
                // Valued once: the value that decides the refusal is the one the offer keeps.
                var value = await ValueAsync(input.Buyer, input.Seller, input.Mineral, input.Stage, input.Outcome);
                error = Void(input, value) ?? await TakeLockedAsync(input, value);
            }
        }
        finally { _gate.Release(); }
        if (error is null) Changed?.Invoke(this);
        return (error, input);
    }

    /// <summary>Why an offer valued at <paramref name="v"/> commits no one to anything; null when it is a real deal.</summary>
    public string? Void(OfferMade o, OfferValue v) => Void(o.Seller, o.Mineral, o.Stage, v);

    public string? Void(string seller, string mineral, string stage, OfferValue v) => v.CommitsNothing
        ? $"levels: {World.CountryName(seller)} exports no {World.MineralName(mineral)} {stage} at present, so a share of its exports is 0 t and "
          + "the offer commits no one to anything; add a tariff cut or an investment, or trade it with a country that exports it"
        : null;

    /// <summary>
    /// Takes the inputs built from the game inside one lock, all or none: each is checked before any is journaled.
    /// <paramref name="build"/> may refuse instead (its error is returned, nothing taken).
    /// </summary>
    public async Task<string?> TakeAllAsync(Func<Game, (IReadOnlyList<GameInput>? Inputs, string? Error)> build)
    {
        string? error;
        await _gate.WaitAsync();
        try
        {
            var (inputs, refused) = build(Game);
            error = refused ?? inputs!.Select(Game.Check).FirstOrDefault(e => e is not null);
            if (error is null)
                foreach (var input in inputs!)
                    if ((error = await TakeLockedAsync(input)) is not null) break;
        }
        finally { _gate.Release(); }
        if (error is null) Changed?.Invoke(this);
        return error;
    }

    /// <param name="offerValue">An offer's value when the caller has it already (the same as valuing it again here).</param>
    private async Task<string?> TakeLockedAsync(GameInput input, OfferValue? offerValue = null)
    {
        if (Game.Check(input) is { } error) return error;
        _journal.Append(input); // on disk before it takes effect
        Game.Apply(input);
        Interlocked.Increment(ref _version);
        await TakeEffectAsync(input, offerValue);
        if (input is OfferMade offer && Game.Seats[Game.Offers[offer.OfferId].To] is null)
            await TakeLockedAsync(ComputerAnswer(offer));
        if (input is MoveSubmitted && Game.Phase == GamePhase.Running && !Game.Waiting.Any())
            await TakeLockedAsync(new RoundClosed(Now, Game.Round, CloseReason.AllMoved));
        return null;
    }

    /// <summary>Closes the round if its timer has run out (the host's clock calls this every second).</summary>
    public async Task TickAsync()
    {
        if (Game.Phase != GamePhase.Running || Game.Deadline is not { } due || Now < due) return;
        await TakeAsync(g => new RoundClosed(Now, g.Round, CloseReason.TimerExpired));
    }

    /// <summary>The effects an input has beyond the game's own state; the same live and in a replay.</summary>
    private async Task TakeEffectAsync(GameInput input, OfferValue? offerValue = null)
    {
        switch (input)
        {
            case GameStarted:
                _reports = _reports.Add(await _simulation.RunRoundAsync(1, Directives.ForFirstRound(Game, World)));
                await ValueApplicationsAsync();
                break;
            case RoundClosed c:
                _reports = _reports.Add(await _simulation.RunRoundAsync(c.Round + 1, Directives.After(Game, World, c.Round)));
                await ValueApplicationsAsync();
                break;
            case OfferMade o:
                _values = _values.SetItem(o.OfferId, offerValue ?? await ValueAsync(o.Buyer, o.Seller, o.Mineral, o.Stage, o.Outcome));
                break;
        }
    }

    /// <summary>Values the applications made in the round just simulated, on its market, for the members about to vote.</summary>
    private async Task ValueApplicationsAsync()
    {
        var worth = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var e in Applications.Pending(this))
            worth[e.Country] = await _simulation.ValueAdmissionAsync(World.CountryIndex(e.Country));
        _admissionWorth = worth; // swapped whole: pages read it outside the lock
    }

    public Task<OfferValue> ValueAsync(string buyer, string seller, string mineral, string stage, int outcome)
    {
        Stages.TryParse(stage, out var st);
        return _simulation.ValueOfferAsync(World.CountryIndex(buyer), World.CountryIndex(seller), World.MineralIndex(mineral), st, outcome);
    }

    /// <summary>Values an outcome on the current market under the lock (a round may be simulating).</summary>
    public async Task<OfferValue> ValueNowAsync(string buyer, string seller, string mineral, string stage, int outcome)
    {
        await _gate.WaitAsync();
        try { return await ValueAsync(buyer, seller, mineral, stage, outcome); }
        finally { _gate.Release(); }
    }

    /// <summary>
    /// A computer-played country answers with its strategy's time-dependent aspiration (the negotiation core's
    /// Boulware/linear/conceder curves): it accepts when the offer's share of its possible surplus over no deal reaches
    /// the aspiration at this point of the game.
    /// </summary>
    private OfferAnswered ComputerAnswer(OfferMade offer)
    {
        var o = Game.Offers[offer.OfferId];
        var v = _values[offer.OfferId];
        var isBuyer = o.To == o.Buyer;
        var (u, r, best) = isBuyer ? (v.Buyer, v.BuyerReservation, v.BuyerBest) : (v.Seller, v.SellerReservation, v.SellerBest);
        var country = World.Countries[World.CountryIndex(o.To)];
        var strategy = NegotiationSettings.DefaultStrategy(country);
        var exponent = strategy switch { "boulware" => 4.0, "conceder" => 0.25, _ => 1.0 };
        var t = Math.Clamp((double)Game.Round / Math.Max(1, Game.Rules.Rounds), 0, 1);
        var aspiration = new TimeDependentStrategy(exponent).Aspiration(t);
        return new OfferAnswered(Now, null, o.To, o.Round, o.Id, ComputerReason.Accepts(u, r, best, aspiration),
            ComputerReason.Why(country.Name, strategy, u, r, best, aspiration));
    }

    /// <summary>
    /// A copy of the game as it stands (rebuilt from the inputs so far), its simulated rounds and offer values: the
    /// debrief works on it outside the lock, so its re-runs never hold up a class still playing.
    /// </summary>
    public async Task<GameSnapshot> SnapshotAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var countries = World.Countries.Select(c => c.Id).ToArray();
            return new GameSnapshot(Scenario, Game.Replay(Game.Inputs.ToList(), _ => countries), _reports.ToList(),
                new Dictionary<string, OfferValue>(_values, StringComparer.Ordinal), Version);
        }
        finally { _gate.Release(); }
    }

    public void Dispose() => _journal.Dispose();
}

/// <summary>A war-game frozen at one version: what the debrief reads.</summary>
public sealed record GameSnapshot(Scenario Scenario, Game Game, IReadOnlyList<RoundReport> Reports, IReadOnlyDictionary<string, OfferValue> Values, long Version)
{
    public WorldDefinition World => Scenario.World;
}
