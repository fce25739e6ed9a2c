using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>The arrays one solve works in; split from <see cref="MarketSolver"/> so each step reads on its own.</summary>
internal sealed class SolverWorkspace
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
    private readonly double[] _elasticUse;
    private readonly double[] _y;
    private readonly double[] _z;
    private readonly bool[] _active;
    private readonly bool _contemporaneous;
    private const double StockBuildingElasticity = 8.0;
    private const double MaxPriceMultiple = 1000.0;

    public SolverWorkspace(MarketBase b, MarketConditions c)
    {
        _b = b;
        _c = c;
        _n = b.N;
        _sigma = b.Parameters.Sigma;
        _p = c.StartPrices is { } sp ? (double[])sp.Clone() : Enumerable.Repeat(b.BasePrice, _n).ToArray();
        _mu = c.StartQuotaRent is { } sm ? (double[])sm.Clone() : new double[_n * _n];
        _contemporaneous = c.LevyTiming == LevyTiming.Contemporaneous && !double.IsNaN(c.Floor) && c.Members is not null;
        _levy = _contemporaneous ? new double[_n * _n] : (double[])c.Levy.Clone();
        _delivered = new double[_n * _n];
        _relPow = new double[_n * _n];
        _x = new double[_n * _n];
        _index = new double[_n];
        _use = new double[_n];
        _spend = new double[_n];
        _elasticUse = new double[_n];
        _y = new double[_n];
        _z = new double[_n];
        _active = new bool[_n];
        for (var i = 0; i < _n; i++)
        {
            _active[i] = c.Capacity[i] > 0 && c.UncappedBase[i] > 0;
            if (!double.IsFinite(_p[i]) || _p[i] <= 0) _p[i] = b.BasePrice;
        }
    }

    private double Transport(int i, int j) => i == j ? 1.0 : 1.0 + _b.Parameters.Transport;

    private bool Blocked(int ij) => _c.Quota[ij] == 0;

    /// <summary>Sets delivered prices; updates quota rents and the contemporaneous levy. Returns the largest rent change.</summary>
    public double UpdateWedges()
    {
        var change = 0.0;
        var floor = _c.Floor;
        var members = _c.Members;
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                var ij = i * _n + j;
                if (!double.IsNaN(_c.Quota[ij]) && _c.Quota[ij] > 0 && _x[ij] > 0)
                {
                    // Multiplicative complementarity update of the quota rent (§5.1).
                    var next = Math.Max(0, (1 + _mu[ij]) * Math.Pow(_x[ij] / _c.Quota[ij], 1 / _sigma) - 1);
                    change = Math.Max(change, Math.Abs(next - _mu[ij]));
                    _mu[ij] = next;
                }
                var exporterSide = 1 + _c.ExportWedge[ij] + _mu[ij];
                var fob = _p[i] * Transport(i, j) * exporterSide;
                if (_contemporaneous && i != j && members![j] && !members[i])
                {
                    var next = Levies.Required(floor, fob, _c.Tariff[ij] + _c.Section232[ij]);
                    change = Math.Max(change, Math.Abs(next - _levy[ij]));
                    _levy[ij] = next;
                }
                var delivered = fob * (1 + _c.Tariff[ij] + _c.Section232[ij] + _levy[ij]);
                if (_c.FloorMode == FloorMode.BorderPlusMinPrice && members is not null && !double.IsNaN(floor)
                    && i != j && members[i] && members[j])
                {
                    delivered = Math.Max(delivered, floor);
                }
                _delivered[ij] = delivered;
                var rel = delivered / (_b.BasePrice * _b.BaseWedge[ij]);
                _relPow[ij] = Math.Exp(-_sigma * Math.Log(rel));
            }
        }
        return change;
    }

    public void ComputeDemand()
    {
        var eps = _b.Parameters.DemandElasticity;
        for (var j = 0; j < _n; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < _n; i++)
            {
                var ij = i * _n + j;
                if (!_active[i] || Blocked(ij)) continue;
                // rel^(1−σ) = rel · rel^(−σ)
                var rel = _delivered[ij] / (_b.BasePrice * _b.BaseWedge[ij]);
                sum += _b.Beta[ij] * rel * _relPow[ij];
            }
            _index[j] = sum > 0 ? Math.Pow(sum, 1 / (1 - _sigma)) : 1.0;
            _elasticUse[j] = _b.OtherUse[j] * _c.Growth * Math.Pow(_index[j], eps);
            // Stock building is discretionary: it shrinks steeply as prices rise, so a rush to stock up cannot demand
            // more than capacity can give (derived use is fixed within a stage, and the cap is soft but bounded).
            var adjust = _c.SpotAdjust[j] > 0 ? _c.SpotAdjust[j] * Math.Pow(_index[j], -StockBuildingElasticity) : _c.SpotAdjust[j];
            _use[j] = Math.Max(0, _c.Derived[j] + _elasticUse[j] + adjust);
            var scale = _b.Use[j] > 0 ? Math.Pow(_index[j], _sigma) * _use[j] / _b.Use[j] : 0;
            var spend = 0.0;
            for (var i = 0; i < _n; i++)
            {
                var ij = i * _n + j;
                _x[ij] = !_active[i] || Blocked(ij) ? 0 : _b.Flows[ij] * _relPow[ij] * scale;
                spend += _delivered[ij] * _x[ij];
            }
            _spend[j] = spend;
        }
    }

    /// <summary>Supply at current prices and z_i = ln(D_i/Y_i); returns max |z| over active origins.</summary>
    public double ComputeExcess()
    {
        var p = _b.Parameters;
        var worst = 0.0;
        for (var i = 0; i < _n; i++)
        {
            if (!_active[i]) { _y[i] = 0; _z[i] = 0; continue; }
            var v = _p[i] - _c.InputCost[i];
            _y[i] = SupplyCurve.Output(_c.UncappedBase[i], v, _b.BaseValueAdded, p.SupplyElasticity, _c.Capacity[i]);
            var d = 0.0;
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

    public void StepPrices(double lambda)
    {
        var p = _b.Parameters;
        for (var i = 0; i < _n; i++)
        {
            if (!_active[i] || _z[i] == 0) continue;
            var v = _p[i] - _c.InputCost[i];
            var uncapped = v > 0 ? _c.UncappedBase[i] * Math.Pow(v / _b.BaseValueAdded, p.SupplyElasticity) : 0;
            var etaEff = SupplyCurve.Elasticity(uncapped, _c.Capacity[i], p.SupplyElasticity, _p[i], v);
            var eii = OwnDemandElasticity(i);
            var denominator = Math.Max(etaEff - eii, 0.05);
            var step = Math.Clamp(lambda * _z[i] / denominator, -0.5, 0.5);
            _p[i] = Math.Min(_p[i] * Math.Exp(step), MaxPriceMultiple * _b.BasePrice);
        }
    }

    /// <summary>e_ii = Σ_j (x_ij/D_i)·[−σ + (σ + ε_j)·s_ij] with ε_j the elasticity of j's spot use in P_j.</summary>
    private double OwnDemandElasticity(int i)
    {
        var d = 0.0;
        for (var j = 0; j < _n; j++) d += _x[i * _n + j];
        if (d <= 0) return -_sigma;
        var e = 0.0;
        for (var j = 0; j < _n; j++)
        {
            var ij = i * _n + j;
            if (_x[ij] <= 0) continue;
            var share = _spend[j] > 0 ? _delivered[ij] * _x[ij] / _spend[j] : 0;
            var epsJ = _use[j] > 0 ? _b.Parameters.DemandElasticity * _elasticUse[j] / _use[j] : 0;
            e += _x[ij] / d * (-_sigma + (_sigma + epsJ) * share);
        }
        return e;
    }

    public MarketOutcome ToOutcome(int iterations, double residual)
    {
        var valueAdded = new double[_n];
        for (var i = 0; i < _n; i++) valueAdded[i] = _p[i] - _c.InputCost[i];
        return new MarketOutcome
        {
            Prices = _p,
            Flows = _x,
            Delivered = _delivered,
            Output = _y,
            PriceIndex = _index,
            Use = _use,
            Levy = _levy,
            QuotaRent = _mu,
            ValueAdded = valueAdded,
            Iterations = iterations,
            Residual = residual,
        };
    }
}
