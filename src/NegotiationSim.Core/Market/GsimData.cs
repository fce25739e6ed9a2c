namespace NegotiationSim.Core.Market;

/// <summary>
/// Base-year data for one GSIM market with N regions. Index convention everywhere:
/// v = exporter (origin), r = importer (destination); a region's domestic/intra-bloc
/// sales are the diagonal flow v = r and are treated like any other flow.
/// The constructor validates and copies every array, so the instance is immutable and
/// can be shared across threads and what-if solves.
/// </summary>
public sealed class GsimData
{
    private readonly double[,] _flows;
    private readonly double[,] _tariffPowers;
    private readonly double[] _em;
    private readonly double[] _es;
    private readonly double[] _ex;

    /// <param name="flows">M[v,r]: value of v's sales to r at world (pre-tariff) prices, ≥ 0.</param>
    /// <param name="tariffPowers">T0[v,r] = 1 + ad-valorem tariff r applies to goods from v, &gt; 0.</param>
    /// <param name="importDemandElasticity">E_m,r: aggregate import demand elasticity per importer, &lt; 0.</param>
    /// <param name="substitutionElasticity">E_s,r: elasticity of substitution between sources per importer, &gt; 0.</param>
    /// <param name="exportSupplyElasticity">E_x,v: export supply elasticity per exporter, &gt; 0.</param>
    public GsimData(
        double[,] flows,
        double[,] tariffPowers,
        double[] importDemandElasticity,
        double[] substitutionElasticity,
        double[] exportSupplyElasticity)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(tariffPowers);
        ArgumentNullException.ThrowIfNull(importDemandElasticity);
        ArgumentNullException.ThrowIfNull(substitutionElasticity);
        ArgumentNullException.ThrowIfNull(exportSupplyElasticity);

        int n = flows.GetLength(0);
        if (n == 0 || flows.GetLength(1) != n)
            throw new ArgumentException($"Flows must be a non-empty square N×N matrix; got {flows.GetLength(0)}×{flows.GetLength(1)}.", nameof(flows));
        RequireMatrix(flows, n, nameof(flows), x => x >= 0, "finite and ≥ 0");
        RequireMatrix(tariffPowers, n, nameof(tariffPowers), x => x > 0, "finite and > 0");
        RequireVector(importDemandElasticity, n, nameof(importDemandElasticity), x => x < 0, "finite and < 0");
        RequireVector(substitutionElasticity, n, nameof(substitutionElasticity), x => x > 0, "finite and > 0");
        RequireVector(exportSupplyElasticity, n, nameof(exportSupplyElasticity), x => x > 0, "finite and > 0");

        RegionCount = n;
        _flows = (double[,])flows.Clone();
        _tariffPowers = (double[,])tariffPowers.Clone();
        _em = (double[])importDemandElasticity.Clone();
        _es = (double[])substitutionElasticity.Clone();
        _ex = (double[])exportSupplyElasticity.Clone();
    }

    public int RegionCount { get; }

    /// <summary>M[v,r], value at world prices.</summary>
    public double Flow(int exporter, int importer) => _flows[exporter, importer];

    /// <summary>T0[v,r], the base-year tariff power.</summary>
    public double TariffPower(int exporter, int importer) => _tariffPowers[exporter, importer];

    public double ImportDemandElasticity(int importer) => _em[importer];

    public double SubstitutionElasticity(int importer) => _es[importer];

    public double ExportSupplyElasticity(int exporter) => _ex[exporter];

    // Zero-copy views for the solver in this assembly; never written through.
    internal double[,] FlowsView => _flows;
    internal double[,] TariffPowersView => _tariffPowers;
    internal double[] ImportDemandView => _em;
    internal double[] SubstitutionView => _es;
    internal double[] ExportSupplyView => _ex;

    /// <summary>
    /// Checks an N×N matrix element-wise; also used by <see cref="LinearGsim"/> for new
    /// tariff powers so every entry point reports bad input with the same message.
    /// </summary>
    internal static void RequireMatrix(double[,]? m, int n, string name, Func<double, bool> ok, string rule)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.GetLength(0) != n || m.GetLength(1) != n)
            throw new ArgumentException($"{name} must be {n}×{n}; got {m.GetLength(0)}×{m.GetLength(1)}.", name);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (!double.IsFinite(m[i, j]) || !ok(m[i, j]))
                    throw new ArgumentException($"{name}[{i},{j}] = {m[i, j]} must be {rule}.", name);
    }

    private static void RequireVector(double[] a, int n, string name, Func<double, bool> ok, string rule)
    {
        if (a.Length != n)
            throw new ArgumentException($"{name} must have one entry per region ({n}); got {a.Length}.", name);
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(a[i]) || !ok(a[i]))
                throw new ArgumentException($"{name}[{i}] = {a[i]} must be {rule}.", name);
    }
}
