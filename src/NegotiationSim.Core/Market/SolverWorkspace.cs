using System.Runtime.CompilerServices;
using System.Numerics;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>The arrays one solve works in; split from <see cref="MarketSolver"/> so each step reads on its own.</summary>
internal sealed partial class SolverWorkspace
{
    private readonly MarketBase _b;
    private readonly MarketConditions _c;
    private readonly int _n;
    private readonly double _sigma;
    private readonly double[] _p;
    private readonly double[] _mu;
    private readonly double[] _levy;
    private readonly double[] _delivered;
    private readonly double[] _relPow;     // (p_ij / p̄0_ij)^(−σ)
    private readonly double[] _x;
    private readonly double[] _index;
    private readonly double[] _use;
    private readonly double[] _spend;
    private readonly double[] _useElasticity;
    private readonly double[] _inventoryChange;
    private readonly double[] _staticWedge;
    private readonly double[] _staticPow;
    private readonly bool[] _dynamic;
    private readonly SolverCache _cache;
    private readonly double[] _free;
    private readonly double[] _scale;
    private readonly double[] _radius;
    private readonly double[] _lastZ;
    private double _commonRadius = 0.5;
    private double _lastAggregate;
    private readonly double[] _elasticUse;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly bool[] _active;
    private readonly bool _contemporaneous;
    private const double MaxPriceMultiple = 1000.0;

    /// <param name="discarded">An outcome of this market no longer read: its N×N arrays are reused (cleared or overwritten).</param>
    public SolverWorkspace(MarketBase b, MarketConditions c, MarketOutcome? discarded = null)
    {
        _b = b;
        _c = c;
        _n = b.N;
        _sigma = b.Parameters.Sigma;
        _p = c.StartPrices is { } sp ? (double[])sp.Clone() : Enumerable.Repeat(b.BasePrice, _n).ToArray();
        var spare = discarded is not null && discarded.Delivered.Length == _n * _n ? discarded : null;
        // Rents are solved afresh from prices in every demand pass; none carries over (a lifted control has none).
        _mu = Zeroed(spare?.QuotaRent);
        _contemporaneous = c.LevyTiming == LevyTiming.Contemporaneous && !double.IsNaN(c.Floor) && c.Members is not null;
        if (_contemporaneous) _levy = Zeroed(spare?.Levy);
        else if (spare is not null && !ReferenceEquals(spare.Levy, c.Levy))
        {
            _levy = spare.Levy;
            Array.Copy(c.Levy, _levy, _n * _n);
        }
        else _levy = (double[])c.Levy.Clone();
        // Every pair of these is written before it is read (UpdateWedges, ComputeDemand), so old values do not matter.
        _delivered = spare?.Delivered ?? new double[_n * _n];
        _relPow = new double[_n * _n];
        _x = spare?.Flows ?? new double[_n * _n];
        _index = new double[_n];
        _use = new double[_n];
        _spend = new double[_n];
        _useElasticity = new double[_n];
        _inventoryChange = new double[_n];
        _radius = Enumerable.Repeat(0.5, _n).ToArray();
        _lastZ = new double[_n];
        _elasticUse = new double[_n];
        _y = new double[_n];
        _z = new double[_n];
        _active = new bool[_n];
        _free = new double[_n];
        _scale = new double[_n];
        // The round's wedges are the same for every sweep of a mineral, so their powers are computed once per round.
        _cache = c.SolverCache ??= BuildCache(b, c);
        (_staticWedge, _staticPow, _dynamic) = (_cache.Wedge, _cache.Pow, _cache.Dynamic);
        for (var i = 0; i < _n; i++)
        {
            _active[i] = c.Capacity[i] > 0 && c.UncappedBase[i] > 0;
            if (!double.IsFinite(_p[i]) || _p[i] <= 0) _p[i] = b.BasePrice;
        }
        InitContracts();
    }

    private double[] Zeroed(double[]? reused)
    {
        if (reused is null) return new double[_n * _n];
        Array.Clear(reused);
        return reused;
    }

    private SolverCache BuildCache(MarketBase b, MarketConditions c)
    {
        var staticWedge = new double[_n * _n];
        var staticPow = new double[_n * _n];
        var dynamic = new bool[_n * _n];
        var rowHasDynamic = new bool[_n];
        var baseDelivered = new double[_n * _n];
        var restricted = new List<int>[_n];
        for (var j = 0; j < _n; j++) restricted[j] = [];
        var floorPairs = !double.IsNaN(c.Floor) && c.Members is not null;
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                var ij = i * _n + j;
                dynamic[ij] = floorPairs && i != j && (
                    (_contemporaneous && c.Members![j] && !c.Members[i])
                    || (c.FloorMode == FloorMode.BorderPlusMinPrice && c.Members![i] && c.Members[j]));
                staticWedge[ij] = Transport(i, j) * (1 + c.ExportWedge[ij]) * (1 + c.Tariff[ij] + c.Section232[ij] + _levy[ij]);
                staticPow[ij] = Math.Exp(-_sigma * Math.Log(staticWedge[ij] / b.BaseWedge[ij]));
                rowHasDynamic[i] |= dynamic[ij];
                baseDelivered[ij] = b.BasePrice * b.BaseWedge[ij];
                if (Restricted(ij)) restricted[j].Add(i);
            }
        }
        return new SolverCache
        {
            Wedge = staticWedge, Pow = staticPow, Dynamic = dynamic, RowHasDynamic = rowHasDynamic, BaseDelivered = baseDelivered,
            RestrictedInto = restricted.Select(r => r.ToArray()).ToArray(),
        };
    }

    private double Transport(int i, int j) => i == j ? 1.0 : 1.0 + _b.Parameters.Transport;

    private bool Blocked(int ij) => _c.Quota[ij] == 0;

    /// <summary>Sets delivered prices and the contemporaneous levy. Returns the largest levy change.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double UpdateWedges()
    {
        var change = 0.0;
        for (var i = 0; i < _n; i++)
        {
            // Most wedges are fixed during a solve, so (p_ij/p̄0_ij)^(−σ) = (p_i/p0)^(−σ)·(wedge_ij/w̄0_ij)^(−σ):
            // one power per origin and a multiply per pair instead of a log and an exp per pair.
            var originPow = Math.Exp(-_sigma * Math.Log(_p[i] / _b.BasePrice));
            if (!_cache.RowHasDynamic[i])
            {
                // Element-wise products only, so the vectors give the same bits as the scalar loop.
                ScaleRow(_staticWedge, _p[i], _delivered, i * _n);
                ScaleRow(_staticPow, originPow, _relPow, i * _n);
                continue;
            }
            for (var j = 0; j < _n; j++)
            {
                var ij = i * _n + j;
                if (_dynamic[ij])
                {
                    change = Math.Max(change, UpdateDynamicPair(i, j, ij));
                    continue;
                }
                _delivered[ij] = _p[i] * _staticWedge[ij];
                _relPow[ij] = originPow * _staticPow[ij];
            }
        }
        return change;
    }

    /// <summary>into[row + j] = factor · from[row + j] for the n pairs of one origin's row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScaleRow(double[] from, double factor, double[] into, int row)
    {
        var source = from.AsSpan(row, _n);
        var target = into.AsSpan(row, _n);
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<double>(factor);
            for (; j <= _n - Vector<double>.Count; j += Vector<double>.Count)
                (f * new Vector<double>(source[j..])).CopyTo(target[j..]);
        }
        for (; j < _n; j++) target[j] = factor * source[j];
    }

    /// <summary>A pair whose wedge moves with prices: the contemporaneous levy, or a minimum-price undertaking.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double UpdateDynamicPair(int i, int j, int ij)
    {
        var change = 0.0;
        var floor = _c.Floor;
        var members = _c.Members!;
        var fob = _p[i] * Transport(i, j) * (1 + _c.ExportWedge[ij]);
        if (_contemporaneous && i != j && members[j] && !members[i])
        {
            var next = Levies.Required(floor, fob, _c.Tariff[ij] + _c.Section232[ij]);
            change = Math.Abs(next - _levy[ij]);
            _levy[ij] = next;
        }
        var delivered = fob * (1 + _c.Tariff[ij] + _c.Section232[ij] + _levy[ij]);
        if (_c.FloorMode == FloorMode.BorderPlusMinPrice && i != j && members[i] && members[j])
            delivered = Math.Max(delivered, floor);
        _delivered[ij] = delivered;
        _relPow[ij] = Math.Exp(-_sigma * Math.Log(delivered / (_b.BasePrice * _b.BaseWedge[ij])));
        return change;
    }

    /// <summary>
    /// Demand at current delivered prices. Origins are the outer loop so each pass reads the N×N arrays row by row
    /// (a destination's column is N doubles apart); every destination's sums still add origins in ascending order,
    /// so the results are the same bits as summing column by column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ComputeDemand()
    {
        ServeContracts();
        var quota = _c.Quota;
        Array.Clear(_free);
        for (var i = 0; i < _n; i++)
        {
            if (!_active[i] || _short[i]) continue;
            for (var j = 0; j < _n; j++)
            {
                var ij = i * _n + j;
                // Blocked (quota 0) pairs are off the spot market; restricted ones (quota > 0) join after their rents.
                if (!double.IsNaN(quota[ij]) && (quota[ij] == 0 || quota[ij] > 0)) continue;
                _free[j] += _b.Beta[ij] * Rel(ij) * _relPow[ij];
            }
        }
        for (var j = 0; j < _n; j++)
        {
            var restricted = _cache.RestrictedInto[j];
            SolveQuotaRents(j, _free[j], restricted);
            var sum = _free[j];
            foreach (var i in restricted)
            {
                var ij = i * _n + j;
                if (!OffSpot(i, ij)) sum += _b.Beta[ij] * Rel(ij) * _relPow[ij];
            }
            var index = sum > 0 ? Math.Pow(sum, 1 / (1 - _sigma)) : 1.0;
            SetUse(j, index);
            // Spot tonnes follow the CES allocation of spot demand, i.e. use net of the contracted tonnes j receives.
            _scale[j] = _b.Use[j] > 0 ? Math.Pow(index, _sigma) * SpotUse(j) / _b.Use[j] : 0;
            _spend[j] = 0.0;
            TakeContracts(j);
        }
        for (var i = 0; i < _n; i++)
        {
            var off = !_active[i] || _short[i];
            for (var j = 0; j < _n; j++)
            {
                var ij = i * _n + j;
                _x[ij] = off || quota[ij] == 0 ? 0 : _b.Flows[ij] * _relPow[ij] * _scale[j];
                _spend[j] += _delivered[ij] * _x[ij];
            }
        }
    }

    private bool Binding(int ij) => _mu[ij] > 0 && Restricted(ij);

    private bool Restricted(int ij) => !double.IsNaN(_c.Quota[ij]) && _c.Quota[ij] > 0;

    private double Rel(int ij) => _delivered[ij] / _cache.BaseDelivered[ij];

    /// <summary>Sets j's price index and spot use at that index (final, derived and stock-building parts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetUse(int j, double index)
    {
        var eps = _b.Parameters.DemandElasticity;
        _index[j] = index;
        _elasticUse[j] = _b.OtherUse[j] * _c.Growth * FinalDemand.Factor(index, eps);
        var (inventory, inventorySlope) = _c.Inventory?.At(j, index) ?? (0, 0);
        _inventoryChange[j] = inventory;
        var adjust = _c.SpotAdjust[j] + inventory;
        var (derived, derivedElasticity) = Derived(j);
        _use[j] = Math.Max(0, derived + _elasticUse[j] + adjust);
        // Elasticity of spot demand: contracted tonnes do not answer the price, so the same change is a larger share of spot.
        var spot = SpotUse(j);
        _useElasticity[j] = spot > 0
            ? (FinalDemand.Elasticity(index, eps) * _elasticUse[j] + derivedElasticity * derived + inventorySlope) / spot
            : 0;
    }

    /// <summary>
    /// Rents of the export controls into destination j (MODEL.md §5.1): for each restricted pair, the rent m = ln(1+μ')
    /// at which j's demand for it equals the allowed quantity, zero when the quota does not bind. j's demand for the
    /// pair falls monotonically in m, so bisection always finds it; the rent becomes part of the delivered price.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveQuotaRents(int j, double free, int[] restrictedInto)
    {
        var restricted = 0;
        foreach (var i in restrictedInto) if (!OffSpot(i, i * _n + j)) restricted++;
        if (restricted == 0) return;
        var baseDelivered = new double[_n];
        var basePow = new double[_n];
        foreach (var i in restrictedInto)
        {
            var ij = i * _n + j;
            if (OffSpot(i, ij)) continue;
            baseDelivered[i] = _delivered[ij];
            basePow[i] = _relPow[ij];
            _mu[ij] = 0;
        }
        var rent = new double[_n];
        for (var pass = 0; pass < (restricted == 1 ? 1 : 4); pass++)
        {
            foreach (var i in restrictedInto)
            {
                var ij = i * _n + j;
                if (OffSpot(i, ij)) continue;
                var others = free;
                foreach (var k in restrictedInto)
                {
                    if (k == i || OffSpot(k, k * _n + j)) continue;
                    others += _b.Beta[k * _n + j] * baseDelivered[k] / (_b.BasePrice * _b.BaseWedge[k * _n + j])
                        * basePow[k] * Math.Exp((1 - _sigma) * rent[k]);
                }
                var term = _b.Beta[ij] * baseDelivered[i] / (_b.BasePrice * _b.BaseWedge[ij]) * basePow[i];
                double Excess(double m)
                {
                    var sum = others + term * Math.Exp((1 - _sigma) * m);
                    var index = sum > 0 ? Math.Pow(sum, 1 / (1 - _sigma)) : 1.0;
                    SetUse(j, index);
                    var x = _b.Use[j] > 0 ? _b.Flows[ij] * basePow[i] * Math.Exp(-_sigma * m) * Math.Pow(index, _sigma) * SpotUse(j) / _b.Use[j] : 0;
                    return x - _c.Quota[ij];
                }
                if (Excess(0) <= 0) { rent[i] = 0; continue; }
                double lo = 0, hi = 1;
                while (Excess(hi) > 0 && hi < 64) { lo = hi; hi *= 2; }
                for (var step = 0; step < 60 && hi - lo > 1e-13; step++)
                {
                    var mid = 0.5 * (lo + hi);
                    if (Excess(mid) > 0) lo = mid; else hi = mid;
                }
                rent[i] = hi;
            }
        }
        foreach (var i in restrictedInto)
        {
            var ij = i * _n + j;
            if (OffSpot(i, ij)) continue;
            var factor = Math.Exp(rent[i]);
            _delivered[ij] = baseDelivered[i] * factor;
            _relPow[ij] = basePow[i] * Math.Exp(-_sigma * rent[i]);
            _mu[ij] = (1 + _c.ExportWedge[ij]) * (factor - 1);
        }
    }

    /// <summary>
    /// Derived use of destination j and its elasticity in P_j. With a downstream stage, it is the next stage's output at
    /// its current price and an input cost that follows P_j, so a plant whose input becomes too dear shuts (§2.2).
    /// </summary>
    private (double Quantity, double Elasticity) Derived(int j)
    {
        if (_c.Downstream is not { } d) return (_c.Derived[j], 0);
        var inputCost = d.UnitInputCost * _index[j];
        var v = d.Price[j] - inputCost;
        if (v <= 0 || d.UncappedBase[j] <= 0 || d.Capacity[j] <= 0) return (0, 0);
        var output = SupplyCurve.Output(d.UncappedBase[j], v, d.BaseValueAdded, d.SupplyElasticity, d.Capacity[j]);
        var elasticity = -SupplyCurve.Elasticity(d.UncappedBase[j], v, d.BaseValueAdded, d.SupplyElasticity, d.Capacity[j], d.Price[j])
            * inputCost / d.Price[j];
        return (d.InputCoefficient * output, elasticity);
    }

    /// <summary>Supply at current prices and z_i = ln(D_i/Y_i); returns max |z| over active origins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ComputeExcess()
    {
        var p = _b.Parameters;
        var worst = 0.0;
        for (var i = 0; i < _n; i++)
        {
            if (!_active[i]) { _y[i] = 0; _z[i] = 0; continue; }
            var v = _p[i] - _c.InputCost[i];
            _y[i] = SupplyCurve.Output(_c.UncappedBase[i], v, _b.BaseValueAdded, p.SupplyElasticity, _c.Capacity[i]);
            // A seller short of its contracts has no spot market to clear: rationing settles it (§3.6).
            if (_short[i]) { _z[i] = 0; continue; }
            var d = ContractSales(i);
            for (var j = 0; j < _n; j++) d += _x[i * _n + j];
            _z[i] = (d, _y[i]) switch
            {
                (<= 0, <= 0) => 0,
                (_, <= 0) => 1,      // price below input cost: nothing is offered, so the price must rise
                (<= 0, _) => -1,
                _ => Math.Log(d / _y[i]),
            };
            worst = Math.Max(worst, Math.Abs(_z[i]));
        }
        return worst;
    }

    /// <summary>
    /// Two-level step: first the common move of all prices that clears the market as a whole (the diagonal step alone
    /// crawls there, because with a high σ each origin looks very elastic while the market is not), then the
    /// diagonal Newton step of §2.3 on what is left for each origin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StepPrices()
    {
        var p = _b.Parameters;
        var eta = new double[_n];
        var common = new double[_n];
        var own = new double[_n];
        double weighted = 0, slope = 0, weights = 0;
        for (var i = 0; i < _n; i++)
        {
            if (!_active[i] || _z[i] == 0) continue;
            var v = _p[i] - _c.InputCost[i];
            eta[i] = SupplyCurve.Elasticity(_c.UncappedBase[i], v, _b.BaseValueAdded, p.SupplyElasticity, _c.Capacity[i], _p[i]);
            (own[i], common[i]) = DemandElasticities(i);
            var weight = Math.Max(_y[i], 1e-12);
            weighted += weight * _z[i];
            weights += weight;
            slope += weight * Math.Max(eta[i] - common[i], 0.01);
        }
        // Trust radii shrink when the excess changes sign (an overshoot) and grow back while it keeps its sign:
        // supply near the input cost and derived demand near shutdown are steep enough to make plain Newton cycle.
        var aggregate = weights > 0 ? weighted / weights : 0;
        _commonRadius = Math.Sign(aggregate) * Math.Sign(_lastAggregate) < 0 ? _commonRadius * 0.5 : Math.Min(0.5, _commonRadius * 1.5);
        _lastAggregate = aggregate;
        var shift = slope > 0 ? Math.Clamp(weighted / slope, -_commonRadius, _commonRadius) : 0;
        for (var i = 0; i < _n; i++)
        {
            if (!_active[i] || _z[i] == 0) continue;
            _radius[i] = Math.Sign(_z[i]) * Math.Sign(_lastZ[i]) < 0 ? _radius[i] * 0.5 : Math.Min(0.5, _radius[i] * 1.5);
            _lastZ[i] = _z[i];
            var rest = _z[i] - shift * (eta[i] - common[i]);
            var step = Math.Clamp(shift + rest / Math.Max(eta[i] - own[i], 0.05), -_radius[i], _radius[i]);
            var next = Math.Min(_p[i] * Math.Exp(step), MaxPriceMultiple * _b.BasePrice);
            // A price at or below the input cost offers nothing; near that edge supply is v^η-steep, so keep the
            // step on the feasible side by shrinking the value added instead of jumping across it.
            var cost = _c.InputCost[i];
            if (next <= cost) next = _p[i] > cost ? cost + 0.1 * (_p[i] - cost) : cost * (1 + 1e-3) + 1e-9 * _b.BasePrice;
            _p[i] = next;
        }
    }

    /// <summary>
    /// Own-price elasticity of i's demand, e_ii = Σ_j w_ij·[−σ + (σ + ε_j)·s_ij], and its response when every price
    /// moves together, Σ_j w_ij·ε_j (w_ij = x_ij/D_i, s_ij = i's value share in j, ε_j = elasticity of j's use in P_j).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Own, double Common) DemandElasticities(int i)
    {
        // Weights are spot tonnes over all sales: contracted tonnes are fixed, so they damp i's response to price.
        var d = ContractSales(i);
        for (var j = 0; j < _n; j++) d += _x[i * _n + j];
        if (d <= 0) return (-_sigma, 0);
        double own = 0, common = 0;
        for (var j = 0; j < _n; j++)
        {
            var ij = i * _n + j;
            if (_x[ij] <= 0 || Binding(ij)) continue;
            var share = _spend[j] > 0 ? _delivered[ij] * _x[ij] / _spend[j] : 0;
            var w = _x[ij] / d;
            own += w * (-_sigma + (_sigma + _useElasticity[j]) * share);
            common += w * _useElasticity[j];
        }
        return (own, common);
    }

    public MarketOutcome ToOutcome(int iterations, double residual)
    {
        var valueAdded = new double[_n];
        for (var i = 0; i < _n; i++) valueAdded[i] = _p[i] - _c.InputCost[i];
        return new MarketOutcome
        {
            Prices = _p,
            Flows = TotalFlows(),
            Contracted = DeliveredContracts(),
            ContractServed = _contracted is null ? null : _served,
            ContractTaken = _contracted is null ? null : _taken,
            Delivered = _delivered,
            Output = _y,
            PriceIndex = _index,
            Use = _use,
            Levy = _levy,
            QuotaRent = _mu,
            ValueAdded = valueAdded,
            InventoryChange = _inventoryChange,
            Iterations = iterations,
            Residual = residual,
        };
    }
}
