using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Core.Engine;

/// <summary>Welfare decomposition per country for one cleared stage, relative to the base year (MODEL.md §2.6).</summary>
internal static class Welfare
{
    // 16-point Gauss–Legendre nodes and weights on [−1, 1], for the producer-surplus integral under the soft cap.
    private static readonly double[] Nodes =
    [
        -0.9894009349916499, -0.9445750230732326, -0.8656312023878318, -0.7554044083550030,
        -0.6178762444026438, -0.4580167776572274, -0.2816035507792589, -0.0950125098376374,
        0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438,
        0.7554044083550030, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499,
    ];

    private static readonly double[] Weights =
    [
        0.0271524594117541, 0.0622535239386479, 0.0951585116824928, 0.1246289712555339,
        0.1495959888165767, 0.1691565193950025, 0.1826034150449236, 0.1894506104550685,
        0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767,
        0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541,
    ];

    public static WelfareRow[] ForStage(MarketBase b, MarketConditions c, MarketOutcome o, PolicyState policy)
    {
        var n = b.N;
        var p = b.Parameters;
        var rows = new WelfareRow[n];
        var cs = new double[n];
        var ps = new double[n];
        var tr = new double[n];
        var xr = new double[n];
        var sub = new double[n];
        for (var j = 0; j < n; j++)
        {
            if (b.Use[j] <= 0) continue;
            var baseSpend = 0.0;
            for (var i = 0; i < n; i++) baseSpend += b.BasePrice * b.BaseWedge[i * n + j] * b.Flows[i * n + j];
            var e0 = baseSpend * b.OtherUse[j] / b.Use[j] * c.Growth;
            cs[j] = -e0 * FinalDemand.Integral(o.PriceIndex[j], p.DemandElasticity);
        }
        for (var i = 0; i < n; i++)
        {
            ps[i] = ProducerSurplus(b, c, i, o.ValueAdded[i]);
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                var x = o.Flows[ij];
                var baseFob = b.BasePrice * (i == j ? 1 : 1 + p.Transport);
                tr[j] -= (b.BaseWedge[ij] / (i == j ? 1 : 1 + p.Transport) - 1) * baseFob * b.Flows[ij];
                if (x <= 0) continue;
                var fob = o.Prices[i] * (i == j ? 1 : 1 + p.Transport);
                var exporterSide = 1 + c.ExportWedge[ij] + o.QuotaRent[ij];
                tr[j] += (c.Tariff[ij] + c.Section232[ij] + o.Levy[ij]) * fob * exporterSide * x;
                xr[i] += o.QuotaRent[ij] * fob * x;
                if (c.ExportWedge[ij] < 0) sub[i] += c.ExportWedge[ij] * fob * x;
                // Under a minimum-price undertaking the gap up to the floor is the seller's rent.
                var natural = fob * exporterSide * (1 + c.Tariff[ij] + c.Section232[ij] + o.Levy[ij]);
                if (o.Delivered[ij] > natural) xr[i] += (o.Delivered[ij] - natural) * x;
            }
        }
        foreach (var control in policy.Controls)
        {
            if (control.Mineral != b.Id.Mineral || !control.Stages.Contains(b.Id.Stage) || control.Hubs.Count == 0) continue;
            for (var j = 0; j < n; j++)
            {
                var ij = control.Exporter * n + j;
                if (c.ExportWedge[ij] <= 0 || o.Flows[ij] <= 0) continue;
                var rent = c.ExportWedge[ij] * o.Prices[control.Exporter] * (1 + p.Transport) * o.Flows[ij];
                foreach (var hub in control.Hubs) xr[hub] += rent / control.Hubs.Count;
            }
        }
        for (var k = 0; k < n; k++) rows[k] = new WelfareRow(cs[k], ps[k], tr[k], xr[k], sub[k]);
        return rows;
    }

    /// <summary>∫ Y(v) dv from the base value added to today's, on today's (capacity-shifted) supply curve.</summary>
    private static double ProducerSurplus(MarketBase b, MarketConditions c, int i, double v1)
    {
        var v0 = b.BaseValueAdded;
        if (c.UncappedBase[i] <= 0 || c.Capacity[i] <= 0) return 0;
        var lo = Math.Max(0, Math.Min(v0, v1));
        var hi = Math.Max(0, Math.Max(v0, v1));
        var half = (hi - lo) / 2;
        var mid = (hi + lo) / 2;
        var sum = 0.0;
        for (var k = 0; k < Nodes.Length; k++)
            sum += Weights[k] * SupplyCurve.Output(c.UncappedBase[i], mid + half * Nodes[k], v0, b.Parameters.SupplyElasticity, c.Capacity[i]);
        return (v1 >= v0 ? 1 : -1) * half * sum;
    }
}
