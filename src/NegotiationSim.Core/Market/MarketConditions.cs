namespace NegotiationSim.Core.Market;

/// <summary>
/// Everything that varies by round for one market: effective capacity, input costs, derived and spot
/// adjustments to demand, and the wedges on every pair (row-major N×N, origin i × destination j).
/// Built fresh each round by the engine; the solver never mutates it.
/// </summary>
public sealed class MarketConditions
{
    public required double[] Capacity { get; init; }
    public required double[] UncappedBase { get; init; }
    /// <summary>Input cost per tonne of output at each origin (c_in), $.</summary>
    public required double[] InputCost { get; set; }
    /// <summary>Derived demand per destination (t/month) when there is no <see cref="Downstream"/> curve to follow.</summary>
    public required double[] Derived { get; set; }
    /// <summary>The next stage's supply, from which derived use follows this stage's price (null: use <see cref="Derived"/>).</summary>
    public DownstreamSupply? Downstream { get; set; }
    /// <summary>Multiplier on base other-use demand (demand growth g(t)).</summary>
    public required double Growth { get; init; }
    /// <summary>Public stock purchases − releases per destination (t/month), fixed for the round.</summary>
    public required double[] SpotAdjust { get; init; }
    /// <summary>Commercial inventories, whose change answers the price in this solve (null: none).</summary>
    public InventoryPlan? Inventory { get; init; }
    /// <summary>Importer tariff t_ij (MFN, bilateral, retaliation), ad valorem.</summary>
    public required double[] Tariff { get; init; }
    /// <summary>Section 232 duty t232_ij.</summary>
    public required double[] Section232 { get; init; }
    /// <summary>Lagged bloc levy ℓ_ij (ignored when the levy is contemporaneous).</summary>
    public required double[] Levy { get; init; }
    /// <summary>Exporter-side wedge: export tax + leakage cost − export subsidy.</summary>
    public required double[] ExportWedge { get; init; }
    /// <summary>Allowed quantity Q'_ij under an export control (t/month); NaN = unrestricted; 0 = blocked.</summary>
    public required double[] Quota { get; init; }
    /// <summary>
    /// Contracted volumes Qc_ij (t/month, row-major N×N; null = no contracts). They are served first, outside the spot
    /// market: the seller's spot supply is Y_i − Σ_j Qc_ij and the buyer's spot demand Q_j − Σ_i Qc_ij (MODEL.md §2.2, §3.6).
    /// <see cref="Quota"/> then limits only the spot part of a pair.
    /// </summary>
    public double[]? Contracted { get; init; }
    /// <summary>Reference price r at the border ($/t), NaN when there is no floor in this market.</summary>
    public double Floor { get; init; } = double.NaN;
    public FloorMode FloorMode { get; init; }
    public LevyTiming LevyTiming { get; init; }
    /// <summary>Bloc membership by country (null when there is no bloc).</summary>
    public bool[]? Members { get; init; }
    /// <summary>Warm start: last round's origin prices (null = base prices).</summary>
    public double[]? StartPrices { get; set; }
    /// <summary>The solver's per-round cache of the fixed wedges, their powers and the quota pattern (set on first use).</summary>
    internal SolverCache? SolverCache { get; set; }
}

/// <summary>The next stage's producers as buyers of this stage: their output price, supply curve and input needs.</summary>
public sealed record DownstreamSupply(double InputCoefficient, double[] Price, double[] UncappedBase, double[] Capacity,
    double BaseValueAdded, double SupplyElasticity, double UnitInputCost);
