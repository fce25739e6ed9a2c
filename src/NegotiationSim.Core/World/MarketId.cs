namespace NegotiationSim.Core.World;

/// <summary>One market of the model: a mineral at a stage. Minerals are indexed in the world's order.</summary>
public readonly record struct MarketId(int Mineral, Stage Stage)
{
    public int Index => Mineral * Stages.Count + (int)Stage;
}
