using NegotiationSim.Core.Market;

namespace NegotiationSim.Core.Engine;

/// <summary>Builds the linear GSIM around a cleared stage (MODEL.md §2.5) so policy changes can be screened cheaply.</summary>
internal static class WhatIf
{
    public static (LinearGsim Model, double[] Wedge) Linearise(MarketBase b, MarketConditions c, MarketOutcome o)
    {
        var n = b.N;
        var flows = new double[n, n];
        var powers = new double[n, n];
        var wedge = new double[n * n];
        var em = new double[n];
        var es = new double[n];
        var ex = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                flows[i, j] = o.Prices[i] * o.Flows[ij];
                wedge[ij] = o.Prices[i] > 0 ? o.Delivered[ij] / o.Prices[i] : 1;
                powers[i, j] = wedge[ij];
            }
        }
        for (var k = 0; k < n; k++)
        {
            // Only the elastic (final-use) part of a destination's demand answers its price; derived use does not.
            var elastic = b.OtherUse[k] * c.Growth * FinalDemand.Factor(o.PriceIndex[k], b.Parameters.DemandElasticity);
            var share = o.Use[k] > 0 ? Math.Min(1, elastic / o.Use[k]) : 1;
            em[k] = Math.Min(-1e-3, FinalDemand.Elasticity(o.PriceIndex[k], b.Parameters.DemandElasticity) * share);
            es[k] = b.Parameters.Sigma;
            ex[k] = Math.Max(1e-3, SupplyCurve.Elasticity(c.UncappedBase[k], o.ValueAdded[k], b.BaseValueAdded,
                b.Parameters.SupplyElasticity, c.Capacity[k], o.Prices[k]));
        }
        return (LinearGsim.Factorise(new GsimData(flows, powers, em, es, ex)), wedge);
    }
}
