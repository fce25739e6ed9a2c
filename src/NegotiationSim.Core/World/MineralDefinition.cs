namespace NegotiationSim.Core.World;

/// <summary>
/// A mineral with its three stages' parameters, its demand growth per year, and the growth per year of every
/// producer's capacity from projects already committed in the base year (0: capacity changes only through the
/// model's own investment, exits and disruptions).
/// </summary>
public sealed record MineralDefinition(string Id, string Name, IReadOnlyList<StageParameters> Stages, double DemandGrowthPerYear,
    double CapacityGrowthPerYear = 0)
{
    public StageParameters this[Stage s] => Stages[(int)s];
}
