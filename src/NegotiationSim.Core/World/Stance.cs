namespace NegotiationSim.Core.World;

/// <summary>
/// A country's priorities (MODEL.md §1): weights on economic welfare, security of supply,
/// alignment (positive toward the US bloc, negative toward China) and autonomy, plus risk aversion,
/// monthly patience, the coalition hysteresis as a share of its mineral stake, and how it negotiates.
/// </summary>
public sealed record Stance(
    double Economic,
    double Security,
    double Alignment,
    double Autonomy,
    double RiskAversion,
    double Patience,
    double Hysteresis)
{
    /// <summary>The negotiation strategy's name (MODEL.md §3.4); null = the default for the country's type.</summary>
    public string? Strategy { get; init; }

    public static Stance Neutral { get; } = new(1.0, 0.5, 0.0, 0.0, 1.5, 0.97, 0.02);
}
