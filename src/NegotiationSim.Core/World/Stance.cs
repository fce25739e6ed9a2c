namespace NegotiationSim.Core.World;

/// <summary>
/// A country's priorities (MODEL.md §1): weights on economic welfare, security of supply,
/// alignment (positive toward the US bloc, negative toward China) and autonomy, plus risk aversion,
/// monthly patience and the coalition hysteresis as a share of its mineral stake.
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
    public static Stance Neutral { get; } = new(1.0, 0.5, 0.0, 0.0, 1.5, 0.97, 0.02);
}
