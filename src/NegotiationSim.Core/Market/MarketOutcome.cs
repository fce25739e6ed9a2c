namespace NegotiationSim.Core.Market;

/// <summary>The cleared market: FOB prices, flows, output, destination price indices and the wedges solved with it.</summary>
public sealed class MarketOutcome
{
    public required double[] Prices { get; init; }
    /// <summary>Flows x_ij, t/month, row-major N×N: contracted plus spot tonnes.</summary>
    public required double[] Flows { get; init; }
    /// <summary>Delivered prices p_ij, row-major N×N.</summary>
    /// <summary>Contracted tonnes delivered on each pair (part of <see cref="Flows"/>), row-major N×N; null when there are no contracts.</summary>
    public double[]? Contracted { get; init; }
    /// <summary>Share of each origin's contracted volume it delivers: 1, or less when its capacity cannot cover its contracts.</summary>
    public double[]? ContractServed { get; init; }
    /// <summary>Share of each buyer's contracted tonnes it uses itself: 1, or less when they exceed its use (the rest is resold spot).</summary>
    public double[]? ContractTaken { get; init; }
    public required double[] Delivered { get; init; }
    public required double[] Output { get; init; }
    /// <summary>CES price index P_j (1 at base).</summary>
    public required double[] PriceIndex { get; init; }
    /// <summary>Spot use per destination, t/month.</summary>
    public required double[] Use { get; init; }
    public required double[] Levy { get; init; }
    public required double[] QuotaRent { get; init; }
    /// <summary>Value added per tonne at each origin, p_i − c_in,i.</summary>
    public required double[] ValueAdded { get; init; }
    /// <summary>Change in commercial inventories per destination at the solved prices, t/month.</summary>
    public required double[] InventoryChange { get; init; }
    public required int Iterations { get; init; }
    /// <summary>max_i |ln(D_i/Y_i)| over producing origins at the end of the solve.</summary>
    public required double Residual { get; init; }
}
