using System.Runtime.CompilerServices;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Linearised GSIM partial-equilibrium model (Francois &amp; Hall 2003) for one market.
/// <para>
/// Market clearing Σ_r φ_vr·M̂_vr = E_x,v·P̂*_v is linear in the world-price changes P̂*, so
/// it is A·P̂* = b where A depends only on base data and b only on the tariff shock T̂.
/// <see cref="Factorise"/> builds and LU-factorises A once; every <c>Solve</c> only builds b
/// and back-substitutes, which is what makes many what-ifs per negotiation round cheap.
/// </para>
/// <para>
/// Conventions (checked against the GSIM 4×4 US/JP/EU/RW worked example):
/// diagonal flows (v = r) are included; θ and the consumer-surplus base R_r use OLD tariffs;
/// demand M̂ and clearing use the linear P̂_vr = T̂_vr + P̂*_v; but the consumer price index
/// P̂c_r uses the exact compound change (1+T̂_vr)(1+P̂*_v) − 1. With the linear P̂ in P̂c the
/// example's ΔCS for the liberalising regions is off (US 105.5 vs 110.6, EU 61.4 vs 68.6)
/// while every other row matches; with the compound form all rows match to 0.1.
/// </para>
/// Instances are immutable and thread-safe; no static mutable state, no randomness.
/// </summary>
public sealed partial class LinearGsim
{
    private readonly int _n;
    private readonly double[,] _flows;    // M_vr (view of Data)
    private readonly double[,] _t0;       // T0_vr (view of Data)
    private readonly double[,] _theta;    // θ_vr: v's share of r's spending at old internal prices
    private readonly double[,] _phi;      // φ_vr: r's share of v's sales at world prices
    private readonly double[] _sales;     // R_v = Σ_r M_vr
    private readonly double[] _spending;  // R_r = Σ_v T0_vr·M_vr
    private readonly double[] _emPlusEs;  // E_m,r + E_s,r, the common cross-price term
    private readonly LuDecomposition _lu;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LinearGsim(GsimData data)
    {
        Data = data;
        int n = _n = data.RegionCount;
        _flows = data.FlowsView;
        _t0 = data.TariffPowersView;
        double[] em = data.ImportDemandView, es = data.SubstitutionView, ex = data.ExportSupplyView;

        _sales = new double[n];
        _spending = new double[n];
        _emPlusEs = new double[n];
        for (int v = 0; v < n; v++)
            for (int r = 0; r < n; r++)
            {
                _sales[v] += _flows[v, r];
                _spending[r] += _t0[v, r] * _flows[v, r];
            }

        // Zero denominators leave the share at 0: a region that buys nothing has no θ column
        // and one that sells nothing has no φ row, so neither contributes to A or b.
        _theta = new double[n, n];
        _phi = new double[n, n];
        for (int v = 0; v < n; v++)
            for (int r = 0; r < n; r++)
            {
                _theta[v, r] = _spending[r] > 0 ? _t0[v, r] * _flows[v, r] / _spending[r] : 0;
                _phi[v, r] = _sales[v] > 0 ? _flows[v, r] / _sales[v] : 0;
            }

        for (int r = 0; r < n; r++)
            _emPlusEs[r] = em[r] + es[r];

        // Own N_vr,vr = θ_vr·E_m − (1−θ_vr)·E_s = θ_vr·(E_m+E_s) − E_s, so with the cross term
        // N_vr,kr = θ_kr·(E_m+E_s) − δ_vk·E_s. Hence
        // A[v,k] = Σ_r φ_vr·θ_kr·(E_m,r+E_s,r) − δ_vk·(Σ_r φ_vr·E_s,r + E_x,v).
        var a = new double[n, n];
        for (int v = 0; v < n; v++)
        {
            if (_sales[v] == 0)
            {
                a[v, v] = 1; // nothing to clear: pin P̂*_v = 0 instead of a singular zero row
                continue;
            }
            double own = ex[v];
            for (int r = 0; r < n; r++)
            {
                double w = _phi[v, r];
                if (w == 0)
                    continue;
                own += w * es[r];
                for (int k = 0; k < n; k++)
                    a[v, k] += w * _theta[k, r] * _emPlusEs[r];
            }
            a[v, v] -= own;
        }
        _lu = new LuDecomposition(a);
    }

    public GsimData Data { get; }

    /// <summary>Builds and factorises the clearing matrix for <paramref name="data"/>. O(N³), once.</summary>
    /// <exception cref="InvalidOperationException">The clearing system is singular.</exception>
    public static LinearGsim Factorise(GsimData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new LinearGsim(data);
    }

    /// <summary>What-if with a full matrix of new tariff powers T1[v,r] (T̂ = T1/T0 − 1).</summary>
    public GsimResult Solve(double[,] newTariffPowers)
    {
        GsimData.RequireMatrix(newTariffPowers, _n, nameof(newTariffPowers), x => x > 0, "finite and > 0");
        return SolveCore(newTariffPowers);
    }

    /// <summary>What-if that changes only the listed pairs; all other tariffs stay at T0.</summary>
    public GsimResult Solve(IReadOnlyList<(int Exporter, int Importer, double NewTariffPower)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var t1 = (double[,])_t0.Clone();
        var seen = new bool[_n, _n];
        foreach (var (v, r, t) in changes)
        {
            if ((uint)v >= (uint)_n || (uint)r >= (uint)_n)
                throw new ArgumentException($"Tariff change ({v},{r}) is outside the {_n} regions.", nameof(changes));
            if (!double.IsFinite(t) || t <= 0)
                throw new ArgumentException($"New tariff power for ({v},{r}) = {t} must be finite and > 0.", nameof(changes));
            if (seen[v, r])
                throw new ArgumentException($"Tariff change ({v},{r}) is listed twice.", nameof(changes));
            seen[v, r] = true;
            t1[v, r] = t;
        }
        return SolveCore(t1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private GsimResult SolveCore(double[,] t1)
    {
        int n = _n;
        double[] em = Data.ImportDemandView, es = Data.SubstitutionView, ex = Data.ExportSupplyView;

        // price first holds T̂_vr, then P̂_vr once P̂* is known (saves an N×N buffer).
        var price = new double[n, n];
        for (int v = 0; v < n; v++)
            for (int r = 0; r < n; r++)
                price[v, r] = t1[v, r] / _t0[v, r] - 1;

        // composite[r] = Σ_k θ_kr·x_kr; with it each demand row is O(1) instead of O(N).
        var composite = new double[n];
        WeightedByTheta(price, composite);

        // b_v = −Σ_r φ_vr·Σ_k N_vr,kr·T̂_kr, the tariff-only part of v's clearing condition.
        var worldPrice = new double[n];
        for (int v = 0; v < n; v++)
        {
            if (_sales[v] == 0)
                continue; // identity row, b = 0
            double s = 0;
            for (int r = 0; r < n; r++)
                s += _phi[v, r] * (_emPlusEs[r] * composite[r] - es[r] * price[v, r]);
            worldPrice[v] = -s;
        }
        _lu.SolveInPlace(worldPrice);

        for (int v = 0; v < n; v++)
            for (int r = 0; r < n; r++)
                price[v, r] += worldPrice[v];
        WeightedByTheta(price, composite);

        var quantity = new double[n, n];
        for (int v = 0; v < n; v++)
            for (int r = 0; r < n; r++)
                quantity[v, r] = _emPlusEs[r] * composite[r] - es[r] * price[v, r];

        var consumerPrice = new double[n];
        var welfare = new RegionWelfare[n];
        for (int r = 0; r < n; r++)
        {
            double pc = 0, revenue = 0;
            for (int v = 0; v < n; v++)
            {
                // Compound internal price change for the CS index (see class remarks).
                pc += _theta[v, r] * (t1[v, r] / _t0[v, r] * (1 + worldPrice[v]) - 1);
                revenue += (t1[v, r] - 1) * (1 + worldPrice[v]) * _flows[v, r] * (1 + quantity[v, r])
                         - (_t0[v, r] - 1) * _flows[v, r];
            }
            consumerPrice[r] = pc;

            // GSIM's sgn(P̂c) form of the consumer-surplus trapezoid.
            double cs = -_spending[r] * pc + 0.5 * em[r] * _spending[r] * pc * pc * Math.Sign(pc);
            double p = worldPrice[r];
            double ps = _sales[r] * (p + 0.5 * ex[r] * p * p);
            welfare[r] = new RegionWelfare(ps, cs, revenue);
        }
        return new GsimResult(worldPrice, price, quantity, consumerPrice, welfare);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WeightedByTheta(double[,] x, double[] into)
    {
        Array.Clear(into);
        for (int k = 0; k < _n; k++)
            for (int r = 0; r < _n; r++)
                into[r] += _theta[k, r] * x[k, r];
    }
}
