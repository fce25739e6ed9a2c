using System.Text.Json.Serialization;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Server.Live;

/// <summary>What the page needs to draw a run that has not produced a round yet: the scenario and its countries.</summary>
public sealed record RunInfo(string RunId, string File, string Scenario, string Question, string StartMonth, int Rounds, long Seed,
    string BlocName, IReadOnlyList<CountryInfo> Countries, IReadOnlyList<string> Minerals, IReadOnlyList<string> Stages);

/// <summary>A country as the scenario describes it: role and stance (alignment −1 China … +1 US bloc).</summary>
public sealed record CountryInfo(string Id, string Name, string Role, double Alignment, double Security, double Economic, bool Eligible);

/// <summary>
/// One round as the page draws it, projected from a <see cref="RoundReport"/>: membership (with pending moves), prices,
/// supply security for every country, the links to draw between countries, and the round's notable events.
/// Non-finite numbers are sent as null (JSON has no NaN).
/// </summary>
public sealed record RoundView(
    int Round,
    string Month,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Joining,
    IReadOnlyList<string> Leaving,
    IReadOnlyList<PriceView> Prices,
    IReadOnlyList<double?[]> ImportReliance,
    IReadOnlyList<double?[]> RefinedShare,
    IReadOnlyList<LinkView> Links,
    IReadOnlyList<EventView> Events,
    bool InternallyStable,
    bool ExternallyStable,
    double CompletedAtMs)
{
    /// <summary>Negotiated contracts signed this round or in force in it, with their terms (null: none yet).</summary>
    public IReadOnlyList<DealView> Deals { get; init; } = [];
}

/// <summary>
/// A negotiated contract in a round: "signed" (takes effect next round), "in-force", "expired" (its last month) or
/// "voided" (force majeure). Terms are the agreed outcome in words; Reason and DistanceToNash come from the session
/// that produced it (empty and null for a deal agreed by people in the war-game).
/// </summary>
public sealed record DealView(string Id, string Status, string Buyer, string Seller, string Mineral, string Stage,
    double Volume, double ContractPrice, double? SpotPrice, int Start, int End, string Terms, string Reason, double? DistanceToNash, string Note);

/// <summary>Average delivered prices ($/t) in one market: inside the bloc, outside it, in China, and the floor (null when none).</summary>
public sealed record PriceView(string Mineral, string Stage, double? Member, double? Outsider, double? China, double? Floor);

/// <summary>
/// Something to draw between two countries. Kinds: "signed" and "contract" (a negotiated deal signed this round, or
/// in force; seller → buyer, Deal names it), "join" (a country joined the bloc), "withdrawn" (a Section 232 threat
/// withdrawn), "threat", "duty", and "control" (an export control to one of its targets; To is "*" when it targets
/// every other country).
/// </summary>
public sealed record LinkView(string Kind, string From, string To, string Label, string? Deal = null);

public sealed record EventView(int Round, string Kind, string Country, string Mineral, string Stage, string Reason);

[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus { Empty, Ready, Running, Paused, Finished, Failed }

/// <summary>The run's state as every viewer sees it; speed is rounds per second (0: as fast as the engine goes).</summary>
public sealed record StatusView(string RunId, RunStatus Status, int Round, int Rounds, double Speed, string? Error);

/// <summary>Everything a page opened mid-run needs to catch up.</summary>
public sealed record Snapshot(RunInfo? Info, StatusView Status, IReadOnlyList<RoundView> Rounds);

/// <summary>One push to the viewers: the status and the rounds completed since the last push (in order).</summary>
public sealed record Update(StatusView Status, IReadOnlyList<RoundView> Rounds, bool Reset);
