using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Policy;

/// <summary>
/// Bilateral negotiation (MODEL.md §3): K alternating-offer steps per round, sessions of at most H rounds, at most
/// <see cref="SessionsPerRound"/> new sessions a round and <see cref="SessionsPerCountry"/> open per country, the
/// force-majeure probability of a contract under an export ban, and the user's strategy assemblies (full paths).
/// </summary>
public sealed record NegotiationSettings
{
    public int StepsPerRound { get; init; } = 16;
    public int MaxRounds { get; init; } = 3;
    public int SessionsPerRound { get; init; } = 6;
    public int SessionsPerCountry { get; init; } = 2;
    /// <summary>π_FM: probability that an export ban voids a contract (MODEL.md §3.6).</summary>
    public double ForceMajeure { get; init; } = 0.5;
    /// <summary>A buyer screens a supplier when it takes at least this share of the buyer's use of a market.</summary>
    public double DependenceThreshold { get; init; } = 0.3;
    public IReadOnlyList<string> StrategyAssemblies { get; init; } = [];

    /// <summary>
    /// MODEL.md §3.4's mapping [A]: large and patient state actors hold firm (Boulware); others concede, the patient ones
    /// linearly. A stance's own strategy overrides it.
    /// </summary>
    public static string DefaultStrategy(CountryDefinition country) =>
        country.Stance.Strategy ?? (country.Role != CountryRole.Country ? "boulware" : country.Stance.Patience >= 0.98 ? "linear" : "conceder");
}
