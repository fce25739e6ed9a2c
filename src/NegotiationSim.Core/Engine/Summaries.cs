using NegotiationSim.Core.Market;

namespace NegotiationSim.Core.Engine;

/// <summary>Reduces a cleared stage to what reports need: trade by country, average prices by group, the main flows.</summary>
internal static class Summaries
{
    public const double FlowReportShare = 1e-3;

    public static StageResult Stage(MarketBase b, MarketConditions c, MarketOutcome o, bool[] members, int china)
    {
        var n = b.N;
        var imports = new double[n];
        var exports = new double[n];
        var fromChina = new double[n];
        double memberValue = 0, memberTonnes = 0, outsiderValue = 0, outsiderTonnes = 0, chinaValue = 0, chinaTonnes = 0;
        var total = o.Flows.Sum();
        var flows = new List<Flow>();
        var contractedSales = new double[n];
        var contractedPurchases = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                var x = o.Flows[ij];
                if (x <= 0) continue;
                if (i != j) { imports[j] += x; exports[i] += x; }
                if (i == china && i != j) fromChina[j] += x;
                var value = o.Delivered[ij] * x;
                if (j == china) { chinaValue += value; chinaTonnes += x; }
                else if (members[j]) { memberValue += value; memberTonnes += x; }
                else { outsiderValue += value; outsiderTonnes += x; }
                var contracted = o.Contracted?[ij] ?? 0;
                contractedSales[i] += contracted;
                contractedPurchases[j] += contracted;
                if (x >= FlowReportShare * total || contracted > 0) flows.Add(new Flow(i, j, x, o.Delivered[ij], contracted));
            }
        }
        static double Average(double v, double t) => t > 0 ? v / t : double.NaN;
        // Reports count tonnes received; the solver's use is the CES composite, which differs when origins' prices diverge.
        var received = new double[n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) received[j] += o.Flows[i * n + j];
        return new StageResult(o.Prices, o.Output, received, o.PriceIndex, o.ValueAdded, imports, exports, fromChina, o.InventoryChange,
            Average(memberValue, memberTonnes), Average(outsiderValue, outsiderTonnes), Average(chinaValue, chinaTonnes),
            c.Floor, flows, o.Iterations, o.Residual, contractedSales, contractedPurchases,
            o.ContractServed ?? Enumerable.Repeat(1.0, n).ToArray(), o.ContractTaken ?? Enumerable.Repeat(1.0, n).ToArray());
    }
}
