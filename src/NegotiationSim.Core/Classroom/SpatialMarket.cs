namespace NegotiationSim.Core.Classroom;

/// <summary>Import demand ED(P) = Intercept − Slope·P of the single importer (Slope &gt; 0).</summary>
public sealed record LinearImportDemand(double Intercept, double Slope)
{
    public double At(double price) => Intercept - Slope * price;
}

/// <summary>Export supply ES(P_fob) = Intercept + Slope·P_fob (Slope &gt; 0), a per-unit tariff, and bloc membership.</summary>
public sealed record SpatialExporter(double Intercept, double Slope, double SpecificTariff = 0, bool IsBlocMember = false)
{
    /// <summary>The FOB price at which this exporter stops exporting.</summary>
    public double AutarkyPrice => -Intercept / Slope;
}

/// <summary>One exporter's equilibrium; the surplus change is against free trade (no tariffs, no floor).</summary>
public sealed record SpatialExporterOutcome(double FobPrice, double Quantity, double ProducerSurplusChange);

/// <summary>
/// Welfare changes against free trade, exact for linear curves. The importer's "consumer" surplus is the area
/// under its import-demand curve, i.e. consumers net of domestic producers.
/// </summary>
public sealed record SpatialWelfare(double ConsumerSurplusChange, double ImporterRevenue, double ExporterSurplusChange)
{
    public double ImporterTotal => ConsumerSurplusChange + ImporterRevenue;
    public double World => ImporterTotal + ExporterSurplusChange;
}

public sealed record SpatialOutcome(
    double ImporterPrice,
    double Imports,
    IReadOnlyList<SpatialExporterOutcome> Exporters,
    double TariffRevenue,
    double LevyPerUnit,
    double LevyRevenue,
    SpatialWelfare Welfare);

/// <summary>
/// Homogeneous-good spatial equilibrium (Takayama–Judge; MODEL.md §2.8) for one importer and several exporters,
/// with specific tariffs and an optional bloc price floor held by a variable levy on non-members (§2.4, BorderOnly).
/// </summary>
/// <remarks>
/// Every exporter is priced off one border: exporter i sells iff P − t_i exceeds its autarky price, so its supply in
/// importer-price terms is d_i·max(0, P − w_i) with breakpoint w_i = t_i + autarky_i (complementarity). Under a
/// binding floor r the importer price is r; outsiders share one pre-levy border price q, so their FOB price is
/// q − t_o and the uniform levy r − q lands every outsider unit at exactly r. If members alone can cover demand at r,
/// the levy is prohibitive: outsiders are shut out, the price is set by members and may end below r, and
/// <see cref="SpatialOutcome.LevyPerUnit"/> reports the wedge r − P on zero volume.
/// </remarks>
public static class SpatialMarket
{
    public static SpatialOutcome Solve(LinearImportDemand demand, IReadOnlyList<SpatialExporter> exporters, double? priceFloor = null)
    {
        Validate(demand, exporters, priceFloor);
        var free = Equilibrium(demand, exporters, zeroTariffs: true, floor: null);
        var actual = Equilibrium(demand, exporters, zeroTariffs: false, floor: priceFloor);

        var outcomes = new SpatialExporterOutcome[exporters.Count];
        double tariffRevenue = 0, levyRevenue = 0, exporterSurplus = 0;
        for (int i = 0; i < exporters.Count; i++)
        {
            var x = actual.Quantities[i];
            tariffRevenue += exporters[i].SpecificTariff * x;
            if (!exporters[i].IsBlocMember) levyRevenue += actual.Levy * x;
            // Both FOB prices lie on the linear part of the supply curve, so the trapezoid is the exact integral.
            var surplus = 0.5 * (free.Quantities[i] + x) * (actual.Fob[i] - free.Fob[i]);
            exporterSurplus += surplus;
            outcomes[i] = new SpatialExporterOutcome(actual.Fob[i], x, surplus);
        }

        // The importer price never exceeds the demand choke price, so import demand is linear between the two prices.
        var imports = demand.At(actual.Price);
        var consumer = -0.5 * (demand.At(free.Price) + imports) * (actual.Price - free.Price);
        var welfare = new SpatialWelfare(consumer, tariffRevenue + levyRevenue, exporterSurplus);
        return new SpatialOutcome(actual.Price, imports, outcomes, tariffRevenue, actual.Levy, levyRevenue, welfare);
    }

    private sealed record Clearing(double Price, double[] Fob, double[] Quantities, double Levy);

    private static Clearing Equilibrium(LinearImportDemand demand, IReadOnlyList<SpatialExporter> exporters, bool zeroTariffs, double? floor)
    {
        int n = exporters.Count;
        double Tariff(int i) => zeroTariffs ? 0 : exporters[i].SpecificTariff;
        var breakpoint = new double[n];
        var slope = new double[n];
        for (int i = 0; i < n; i++) (breakpoint[i], slope[i]) = (Tariff(i) + exporters[i].AutarkyPrice, exporters[i].Slope);

        var all = Enumerable.Range(0, n).ToArray();
        var (price, quantities) = Clear(demand.Intercept, demand.Slope, all, breakpoint, slope, n);
        var border = price; // the pre-levy price at the border, common to all outsiders
        double levy = 0;
        if (floor is double r && price < r)
        {
            var members = all.Where(i => exporters[i].IsBlocMember).ToArray();
            var outsiders = all.Where(i => !exporters[i].IsBlocMember).ToArray();
            var residual = demand.At(r) - members.Sum(i => slope[i] * Math.Max(0, r - breakpoint[i]));
            if (residual > 0)
            {
                // Members sell at r; outsiders fill the residual (now perfectly inelastic) demand at border price q.
                var (q, outsiderQ) = Clear(residual, 0, outsiders, breakpoint, slope, n);
                foreach (var i in members) outsiderQ[i] = slope[i] * Math.Max(0, r - breakpoint[i]);
                (price, quantities, border, levy) = (r, outsiderQ, q, r - q);
            }
            else
            {
                // Prohibitive levy: members clear the market alone; outsiders sit at autarky (border price −∞).
                (price, quantities) = Clear(demand.Intercept, demand.Slope, members, breakpoint, slope, n);
                (border, levy) = (double.NegativeInfinity, r - price);
            }
        }

        var fob = new double[n];
        for (int i = 0; i < n; i++)
            fob[i] = Math.Max((exporters[i].IsBlocMember ? price : border) - Tariff(i), exporters[i].AutarkyPrice);
        return new Clearing(price, fob, quantities, levy);
    }

    /// <summary>
    /// Clears a − b·P = Σ d_i·max(0, P − w_i) over the suppliers in <paramref name="set"/>. Quantities use
    /// x_j = d_j·(a − b·w_j + Σ_A d_i·(w_i − w_j)) / (b + Σ_A d_i) over the active set A, which avoids the
    /// cancellation in c + d·P when d is huge (the small-country limit).
    /// </summary>
    private static (double Price, double[] Quantities) Clear(double a, double b, int[] set, double[] w, double[] d, int n)
    {
        var quantities = new double[n];
        // Excess demand is strictly decreasing in P; the first breakpoint where it is ≤ 0 closes the active set.
        var sorted = set.OrderBy(i => w[i]).ThenBy(i => i).ToArray();
        double Excess(double p) => a - b * p - sorted.Sum(i => d[i] * Math.Max(0, p - w[i]));
        int activeCount = 0;
        while (activeCount < sorted.Length && Excess(w[sorted[activeCount]]) > 0) activeCount++;
        var active = sorted[..activeCount];

        double denominator = b + active.Sum(i => d[i]);
        if (denominator <= 0) throw new InvalidOperationException("No supplier and no demand response: the market cannot clear.");
        double price = (a + active.Sum(i => d[i] * w[i])) / denominator;
        foreach (var j in active)
            quantities[j] = Math.Max(0, d[j] * (a - b * w[j] + active.Sum(i => d[i] * (w[i] - w[j]))) / denominator);
        return (price, quantities);
    }

    private static void Validate(LinearImportDemand demand, IReadOnlyList<SpatialExporter> exporters, double? priceFloor)
    {
        if (!double.IsFinite(demand.Intercept) || !(demand.Slope > 0) || !double.IsFinite(demand.Slope))
            throw new ArgumentException("Import demand needs a finite intercept and a finite slope > 0.", nameof(demand));
        foreach (var e in exporters)
        {
            if (!double.IsFinite(e.Intercept) || !(e.Slope > 0) || !double.IsFinite(e.Slope) || !double.IsFinite(e.SpecificTariff))
                throw new ArgumentException("Each exporter needs finite parameters and a supply slope > 0.", nameof(exporters));
        }
        if (priceFloor is double r && !double.IsFinite(r))
            throw new ArgumentException("The price floor must be finite.", nameof(priceFloor));
    }
}
