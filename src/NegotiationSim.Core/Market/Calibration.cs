using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Builds each market's base year from the world data (MODEL.md §2.1). Bilateral flows are not in the data,
/// so they are predicted: a gravity prior (production × use, with a home bias and trade costs) balanced by
/// biproportional scaling (RAS) to the production and use totals. Every pair in which the origin produces is
/// seeded with a small share so a CES system can move trade to it later (the "small share problem").
/// </summary>
public static class Calibration
{
    public const double HomeBias = 3.0;
    public const double SeedShare = 1e-5;
    public const double MaxUtilisation = 0.95;
    public const double CapCurvature = 10.0;

    /// <summary>The three markets of one mineral, ore..product.</summary>
    public static MarketBase[] BuildMineral(WorldDefinition world, int mineral)
    {
        var markets = new MarketBase[Stages.Count];
        for (var s = Stages.Count - 1; s >= 0; s--) markets[s] = BuildMarket(world, new MarketId(mineral, (Stage)s));
        return markets;
    }

    public static MarketBase[] Build(WorldDefinition world)
    {
        var markets = new MarketBase[world.MarketCount];
        for (var m = 0; m < world.Minerals.Count; m++)
        {
            // Top-down: a stage's derived use depends on the next stage's production.
            for (var s = Stages.Count - 1; s >= 0; s--)
            {
                var id = new MarketId(m, (Stage)s);
                markets[id.Index] = BuildMarket(world, id);
            }
        }
        return markets;
    }

    private static MarketBase BuildMarket(WorldDefinition world, MarketId id)
    {
        var n = world.CountryCount;
        var p = world.Minerals[id.Mineral][id.Stage];
        var production = new double[n];
        var capacity = new double[n];
        for (var i = 0; i < n; i++)
        {
            production[i] = world.Production[i][id.Index];
            capacity[i] = Math.Max(world.Capacity[i][id.Index], production[i] / 0.85);
        }
        var total = production.Sum();

        // Use: other (final) use spread by consumption shares, derived use by the next stage's production.
        var otherShare = id.Stage == Stage.Product ? 1.0 : p.OtherUseShare;
        var next = id.Stage == Stage.Product ? null : world.Production.Select(row => row[id.Index + 1]).ToArray();
        var nextTotal = next?.Sum() ?? 0;
        if (nextTotal <= 0) otherShare = 1.0;
        var coefficient = nextTotal > 0 ? (1 - otherShare) * total / nextTotal : 0;
        var otherUse = new double[n];
        var use = new double[n];
        var shareSum = 0.0;
        for (var j = 0; j < n; j++) shareSum += world.ConsumptionShare[j][id.Index];
        for (var j = 0; j < n; j++)
        {
            var share = shareSum > 0 ? world.ConsumptionShare[j][id.Index] / shareSum : 1.0 / n;
            otherUse[j] = otherShare * total * share;
            use[j] = otherUse[j] + (next is null ? 0 : coefficient * next[j]);
        }

        var wedge = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var tau = i == j ? 0 : p.Transport;
                wedge[i * n + j] = (1 + tau) * (1 + world.BaseTariff(j, i, id));
            }
        }

        var flows = BalancedFlows(production, use, wedge, n, p.Sigma);
        var beta = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var spend = 0.0;
            for (var i = 0; i < n; i++) spend += wedge[i * n + j] * flows[i * n + j];
            for (var i = 0; i < n; i++) beta[i * n + j] = spend > 0 ? wedge[i * n + j] * flows[i * n + j] / spend : 0;
        }
        var uncapped = new double[n];
        for (var i = 0; i < n; i++) uncapped[i] = SupplyCurve.Uncap(production[i], capacity[i]);

        return new MarketBase
        {
            Id = id,
            N = n,
            Parameters = p,
            Flows = flows,
            BaseWedge = wedge,
            Production = production,
            UncappedProduction = uncapped,
            Capacity = capacity,
            Use = use,
            OtherUse = otherUse,
            InputCoefficientForNext = coefficient,
            Beta = beta,
        };
    }

    private static double[] BalancedFlows(double[] production, double[] use, double[] wedge, int n, double sigma)
    {
        var flows = new double[n * n];
        var totalUse = use.Sum();
        for (var i = 0; i < n; i++)
        {
            if (production[i] <= 0) continue;
            for (var j = 0; j < n; j++)
            {
                if (use[j] <= 0) continue;
                var prior = production[i] * use[j] * Math.Pow(wedge[i * n + j], -sigma) * (i == j ? HomeBias : 1.0);
                flows[i * n + j] = prior + SeedShare * use[j] * production[i] / Math.Max(totalUse, 1e-300);
            }
        }
        // RAS: alternate row and column scaling; totals match to round-off after a few hundred passes.
        var rowScale = new double[n];
        for (var pass = 0; pass < 500; pass++)
        {
            var worst = 0.0;
            for (var j = 0; j < n; j++)
            {
                var col = 0.0;
                for (var i = 0; i < n; i++) col += flows[i * n + j];
                if (col <= 0) continue;
                var f = use[j] / col;
                worst = Math.Max(worst, Math.Abs(f - 1));
                for (var i = 0; i < n; i++) flows[i * n + j] *= f;
            }
            for (var i = 0; i < n; i++)
            {
                var row = 0.0;
                for (var j = 0; j < n; j++) row += flows[i * n + j];
                rowScale[i] = row > 0 ? production[i] / row : 1;
                worst = Math.Max(worst, Math.Abs(rowScale[i] - 1));
                for (var j = 0; j < n; j++) flows[i * n + j] *= rowScale[i];
            }
            if (worst < 1e-13) break;
        }
        return flows;
    }
}
