namespace NegotiationSim.Core.Market;

/// <summary>
/// Buyers' commercial inventories (MODEL.md §5.4), per destination (or per market, in a country's offer):
/// ΔInv = Gap − Response·ln(P/P̄)·D̄, where Gap = κ_inv·(Inv* − Inv), bounded so a buyer moves at most a third of a
/// month's use per round and never below an empty store.
/// </summary>
public sealed record InventoryPlan(double[] Gap, double[] AverageUse, double[] AverageIndex, double[] Level, double Response)
{
    public (double Change, double Slope) At(int j, double index)
    {
        var use = AverageUse[j];
        if (use <= 0 || AverageIndex[j] <= 0) return (0, 0);
        var free = Gap[j] - Response * Math.Log(index / AverageIndex[j]) * use;
        var lo = -Math.Min(Level[j], use / 3);
        var hi = use / 3;
        if (free <= lo) return (lo, 0);
        if (free >= hi) return (hi, 0);
        return (free, -Response * use);
    }
}
