namespace NegotiationSim.Core.Market;

/// <summary>
/// Welfare changes for one region, in the same value units as the flows.
/// ProducerSurplus accrues to the region as exporter (v); ConsumerSurplus and
/// TariffRevenue accrue to it as importer (r).
/// </summary>
public readonly record struct RegionWelfare(double ProducerSurplus, double ConsumerSurplus, double TariffRevenue)
{
    public double Total => ProducerSurplus + ConsumerSurplus + TariffRevenue;
}

/// <summary>
/// Outcome of one GSIM what-if. All "changes" are proportional (0.05 = +5 %).
/// Arrays are owned by this instance and never mutated after construction.
/// </summary>
public sealed class GsimResult
{
    private readonly double[] _worldPrice;
    private readonly double[,] _price;
    private readonly double[,] _quantity;
    private readonly double[] _consumerPrice;
    private readonly RegionWelfare[] _welfare;

    internal GsimResult(double[] worldPrice, double[,] price, double[,] quantity, double[] consumerPrice, RegionWelfare[] welfare)
    {
        _worldPrice = worldPrice;
        _price = price;
        _quantity = quantity;
        _consumerPrice = consumerPrice;
        _welfare = welfare;
    }

    public int RegionCount => _worldPrice.Length;

    /// <summary>P̂*_v: change in exporter v's world (pre-tariff) price.</summary>
    public IReadOnlyList<double> WorldPriceChange => _worldPrice;

    /// <summary>P̂_vr = T̂_vr + P̂*_v: linearised change in the internal price r pays for v's goods.</summary>
    public double PriceChange(int exporter, int importer) => _price[exporter, importer];

    /// <summary>M̂_vr: change in the quantity of v's goods bought by r.</summary>
    public double QuantityChange(int exporter, int importer) => _quantity[exporter, importer];

    /// <summary>
    /// P̂c_r: change in r's composite consumer price, Σ_v θ_vr·[(1+T̂_vr)(1+P̂*_v) − 1]
    /// (compound, not linearised — see <see cref="LinearGsim"/> for why).
    /// </summary>
    public IReadOnlyList<double> ConsumerPriceChange => _consumerPrice;

    /// <summary>Per-region ΔPS, ΔCS, ΔTR and their sum ΔW.</summary>
    public IReadOnlyList<RegionWelfare> Welfare => _welfare;
}
