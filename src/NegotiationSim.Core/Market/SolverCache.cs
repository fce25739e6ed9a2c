namespace NegotiationSim.Core.Market;

/// <summary>
/// What every solve of a market in one round shares, built on the first solve and kept on its
/// <see cref="MarketConditions"/>: the fixed part of each pair's wedge and its power, which pairs move with prices
/// (and whether a row has any), each pair's base delivered price, and per destination the origins under a quota.
/// A mineral's stages are solved many times a round (sweeps × Newton iterations), so these were the repeated work.
/// </summary>
internal sealed class SolverCache
{
    public required double[] Wedge { get; init; }
    /// <summary>(wedge_ij / w̄0_ij)^(−σ).</summary>
    public required double[] Pow { get; init; }
    public required bool[] Dynamic { get; init; }
    /// <summary>Origins with at least one dynamic pair: their rows are updated pair by pair, the others as vectors.</summary>
    public required bool[] RowHasDynamic { get; init; }
    /// <summary>p̄0·w̄0_ij, the base delivered price a pair's price is relative to.</summary>
    public required double[] BaseDelivered { get; init; }
    /// <summary>For each destination j, the origins i whose pair has a positive quota (in ascending i).</summary>
    public required int[][] RestrictedInto { get; init; }
}
