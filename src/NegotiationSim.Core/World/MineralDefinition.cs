namespace NegotiationSim.Core.World;

/// <summary>A mineral with its three stages' parameters and its demand growth per year.</summary>
public sealed record MineralDefinition(string Id, string Name, IReadOnlyList<StageParameters> Stages, double DemandGrowthPerYear)
{
    public StageParameters this[Stage s] => Stages[(int)s];
}
