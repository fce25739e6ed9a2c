using System.Text.Json.Serialization;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Wargame;

/// <summary>
/// Everything that enters a war-game from outside: the set-up, the instructor's actions and the teams' moves. Each is
/// journaled before it takes effect (DESIGN.md), so replaying the journal rebuilds the game exactly. Times are the
/// host's clock when the input was journaled; the game never reads a clock itself.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(GameCreated), "created")]
[JsonDerivedType(typeof(TeamAdded), "team")]
[JsonDerivedType(typeof(SeatChanged), "seat")]
[JsonDerivedType(typeof(GameStarted), "start")]
[JsonDerivedType(typeof(GamePaused), "pause")]
[JsonDerivedType(typeof(GameResumed), "resume")]
[JsonDerivedType(typeof(MoveSubmitted), "move")]
[JsonDerivedType(typeof(TimerExtended), "extend")]
[JsonDerivedType(typeof(EventInjected), "inject")]
[JsonDerivedType(typeof(MessageBroadcast), "message")]
[JsonDerivedType(typeof(RoundClosed), "close")]
[JsonDerivedType(typeof(OfferMade), "offer")]
[JsonDerivedType(typeof(OfferAnswered), "answer")]
[JsonDerivedType(typeof(InstructorKeyIssued), "key")]
[JsonDerivedType(typeof(SeatClaimed), "claim")]
[JsonDerivedType(typeof(TeamCodeReissued), "recode")]
[JsonDerivedType(typeof(AdmissionVoted), "vote")]
public abstract record GameInput(DateTimeOffset At);

/// <param name="ScenarioYaml">The scenario's whole text, so a replay does not depend on the file staying as it was.</param>
/// <param name="InstructorKeyHash">SHA-256 of the instructor key; the key itself is never stored.</param>
public sealed record GameCreated(DateTimeOffset At, string ScenarioName, string ScenarioYaml, long Seed, string InstructorKeyHash,
    GameRules Rules) : GameInput(At);

/// <param name="CodeHash">SHA-256 of the team's join code; the code itself is never stored.</param>
public sealed record TeamAdded(DateTimeOffset At, string TeamId, string Name, string CodeHash) : GameInput(At);

/// <summary>A country passes to a team, or back to the computer (<paramref name="TeamId"/> null): an absent team.</summary>
public sealed record SeatChanged(DateTimeOffset At, string Country, string? TeamId) : GameInput(At);

public sealed record GameStarted(DateTimeOffset At) : GameInput(At);

/// <summary>
/// The round's timer stops. The instructor pauses with the time left on the clock; a host that restarts after being down
/// pauses with <paramref name="SecondsLeft"/> as they were when it went down (its last heartbeat), so the downtime is
/// not taken from the teams.
/// </summary>
public sealed record GamePaused(DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] PauseCause Cause = PauseCause.Instructor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SecondsLeft = null) : GameInput(At);

[JsonConverter(typeof(JsonStringEnumConverter<PauseCause>))]
public enum PauseCause { Instructor, HostRestarted }

public sealed record GameResumed(DateTimeOffset At) : GameInput(At);

public sealed record MoveSubmitted(DateTimeOffset At, string TeamId, string Country, int Round, TeamMove Move) : GameInput(At);

public sealed record TimerExtended(DateTimeOffset At, int Round, int Seconds) : GameInput(At);

public sealed record EventInjected(DateTimeOffset At, int Round, ScheduledEvent Event) : GameInput(At);

public sealed record MessageBroadcast(DateTimeOffset At, string Text) : GameInput(At);

public sealed record RoundClosed(DateTimeOffset At, int Round, CloseReason Reason) : GameInput(At);

[JsonConverter(typeof(JsonStringEnumConverter<CloseReason>))]
public enum CloseReason { AllMoved, TimerExpired, InstructorAdvanced }

/// <summary>
/// A team proposes a deal to another country, or counters an offer it received (<paramref name="Counters"/>): an
/// outcome of the negotiation's deal space between <paramref name="Buyer"/> and <paramref name="Seller"/> (one of them
/// the team's own country) for a mineral and stage. Ids are the host's, in order.
/// </summary>
public sealed record OfferMade(DateTimeOffset At, string TeamId, string Country, int Round, string OfferId, string Buyer, string Seller,
    string Mineral, string Stage, int Outcome, string? Counters = null) : GameInput(At);

/// <summary>The country an offer was made to accepts or rejects it: its team, or (<paramref name="TeamId"/> null) its strategy.</summary>
public sealed record OfferAnswered(DateTimeOffset At, string? TeamId, string Country, int Round, string OfferId, bool Accept, string? Why = null) : GameInput(At);

/// <summary>A new instructor key (each start of the host prints one); the previous key stops working.</summary>
public sealed record InstructorKeyIssued(DateTimeOffset At, string KeyHash) : GameInput(At);

/// <summary>A team with no country picks one the computer plays (the instructor lets teams pick instead of assigning).</summary>
public sealed record SeatClaimed(DateTimeOffset At, string Country, string TeamId) : GameInput(At);

/// <summary>A team gets a new join code (it lost the old one, or the instructor's page was reloaded); the old one stops working.</summary>
public sealed record TeamCodeReissued(DateTimeOffset At, string TeamId, string CodeHash) : GameInput(At);

/// <summary>
/// A team whose country is a member of the bloc votes on an application to join (a bloc that admits by vote); the vote
/// is cast in the next simulated round's bloc phase. The host checks membership and the application against the world
/// before journaling; the last vote a team casts on an applicant in a round is the one that counts.
/// </summary>
public sealed record AdmissionVoted(DateTimeOffset At, string TeamId, string Country, int Round, string Applicant, bool Admit) : GameInput(At);
