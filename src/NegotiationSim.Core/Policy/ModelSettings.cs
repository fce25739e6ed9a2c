namespace NegotiationSim.Core.Policy;

/// <summary>Model parameters with MODEL.md §7 defaults; a scenario may override any of them.</summary>
public sealed record ModelSettings
{
    /// <summary>Monthly disruption hazard for a fully unstable producer (scaled by 1 − stability).</summary>
    public double DisruptionHazard { get; init; } = 0.005;
    public double DisruptionSeverity { get; init; } = 0.5;
    public int DisruptionDuration { get; init; } = 4;
    public int ExitRounds { get; init; } = 12;
    public double ExitFraction { get; init; } = 0.5;
    public int RestartRounds { get; init; } = 24;
    public double RestartPremium { get; init; } = 0.1;
    /// <summary>Cash cost of the marginal unit as a share of the base value added (AVC for exit decisions).</summary>
    public double MarginalCostShare { get; init; } = 0.9;
    public double InventoryMonths { get; init; } = 2.0;
    public double InventoryAdjustment { get; init; } = 0.3;
    public double InventoryPriceResponse { get; init; } = 0.7;
    public double AnticipationFactor { get; init; } = 2.0;
    public double ExpectationWeight { get; init; } = 0.08;
    public double FloorCredibility { get; init; } = 0.7;
    public int MineLeadTime { get; init; } = 60;
    public int PlantLeadTime { get; init; } = 36;
    public double InvestmentHurdle { get; init; } = 0.25;
    public double InvestmentStep { get; init; } = 0.05;
    /// <summary>China's probability of licensing a joiner that depends on it for over half of a market (§4.4).</summary>
    public double ChinaRetaliation { get; init; } = 0.3;
    public double ChinaDependenceThreshold { get; init; } = 0.5;
    public double StockpileReleaseTrigger { get; init; } = 0.5;
    /// <summary>Rounds between the bloc leader's reviews of its reference prices (R_policy, §4.4).</summary>
    public int FloorReviewRounds { get; init; } = 6;
    /// <summary>A floor is at least the average price over the review horizon less this band (§4.4).</summary>
    public double FloorBand { get; init; } = 0.1;
    /// <summary>China floods a refined market when non-China refining capacity grows faster than this per year (§4.4).</summary>
    public double FloodTrigger { get; init; } = 0.05;
    public double FloodSubsidy { get; init; } = 0.2;
    public int FloodRounds { get; init; } = 12;
}
