using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Policy;

/// <summary>A validated scenario: the world, the bloc's rules, the policy timeline, settings, seed and length.</summary>
public sealed record Scenario(
    string Name,
    string Question,
    WorldDefinition World,
    BlocRules? Bloc,
    IReadOnlyList<ScheduledEvent> Events,
    ModelSettings Settings,
    long Seed,
    int Rounds,
    string StartMonth)
{
    /// <summary>Where the run's files go and whether the HTML report is written with them.</summary>
    public OutputSettings Outputs { get; init; } = new();

    /// <summary>Bilateral negotiation settings; null when the scenario has no negotiation.</summary>
    public NegotiationSettings? Negotiation { get; init; }

    /// <summary>The `wargame:` section: how a class plays this scenario; null = the defaults of <see cref="ClassroomSettings"/>.</summary>
    public ClassroomSettings? Classroom { get; init; }

    /// <summary>A round's month as reports name it ("2026-03"), also for rounds not yet simulated; "M{round}" without a valid start month.</summary>
    public string MonthOf(int round) =>
        DateOnly.TryParseExact(StartMonth + "-01", "yyyy-MM-dd", out var start)
            ? start.AddMonths(round - 1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
            : $"M{round}";
}
