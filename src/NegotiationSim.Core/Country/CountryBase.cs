using NegotiationSim.Core.Market;

namespace NegotiationSim.Core.Country;

/// <summary>The base-year numbers one country needs, per market index: a small slice of the calibration to hand to its grain.</summary>
public sealed record CountryBase(double[] BasePrice, double[] BaseValueAdded, double[] Capacity, double[] UncappedProduction, double[] Use)
{
    public static CountryBase From(IReadOnlyList<MarketBase> bases, int country) => new(
        bases.Select(b => b.BasePrice).ToArray(),
        bases.Select(b => b.BaseValueAdded).ToArray(),
        bases.Select(b => b.Capacity[country]).ToArray(),
        bases.Select(b => b.UncappedProduction[country]).ToArray(),
        bases.Select(b => b.Use[country]).ToArray());
}
