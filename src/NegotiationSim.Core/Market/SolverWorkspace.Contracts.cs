using System.Runtime.CompilerServices;

namespace NegotiationSim.Core.Market;

/// <summary>
/// Contracted volumes (MODEL.md §2.2, §3.6). They are served first and taken off both sides of the spot market: the
/// seller's spot supply is Y_i − Σ_j Qc_ij, the buyer's spot demand Q_j − Σ_i Qc_ij. A seller whose contracts fit inside
/// its capacity clears its spot remainder by price as usual, so when output falls it is spot that shrinks. Only a seller
/// whose contracts exceed even its capacity ceiling (u_max·K) has no spot left at any price: it leaves the spot market
/// and its output is shared among its contracts pro rata. A buyer contracted beyond its own use takes only what it uses
/// and resells the rest on the spot market (the excess stays in its seller's spot supply), so contracts do not make
/// tonnes vanish into a buyer with no use for them. Tonnes from a short seller are always taken: nobody resells in a
/// shortage, and it keeps the short seller's output and its deliveries equal.
/// </summary>
internal sealed partial class SolverWorkspace
{
    private double[]? _contracted;     // nominal Qc_ij
    private double[] _contractOut = [];  // Σ_j Qc_ij
    private double[] _contractIn = [];   // Σ_i served Qc_ij, before the buyer's own use caps it
    private double[] _shortIn = [];      // the part of it from short sellers
    private double[] _taken = [];        // share of j's contracted tonnes it uses itself (the rest is resold spot)
    private double[] _served = [];       // share of i's contracts delivered
    private bool[] _short = [];           // contracts exceed capacity: no spot sales

    private void InitContracts()
    {
        _contractIn = new double[_n];
        _served = Enumerable.Repeat(1.0, _n).ToArray();
        _taken = Enumerable.Repeat(1.0, _n).ToArray();
        _shortIn = new double[_n];
        _short = new bool[_n];
        _contractOut = new double[_n];
        if (_c.Contracted is not { } q || !q.Any(v => v > 0)) return;
        if (q.Length != _n * _n) throw new ArgumentException($"market {_b.Id}: contracted volumes must be {_n}×{_n}, got {q.Length} entries");
        _contracted = q;
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                var v = q[i * _n + j];
                if (v < 0 || !double.IsFinite(v)) throw new ArgumentException($"market {_b.Id}: contracted volume {_n}×{_n}[{i},{j}] = {v} is not a tonnage");
                _contractOut[i] += v;
            }
            // The soft cap approaches u_max·K but never reaches it, so contracts at or above it leave no spot at any price.
            _short[i] = _active[i] && _contractOut[i] >= Calibration.MaxUtilisation * _c.Capacity[i];
            if (!_active[i] && _contractOut[i] > 0) _served[i] = 0;
        }
    }

    /// <summary>True when origin i offers nothing on j's spot market.</summary>
    private bool OffSpot(int i, int ij) => !_active[i] || Blocked(ij) || _short[i];

    /// <summary>Shares served and contracted tonnes into each destination at the current prices (only short sellers ration).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ServeContracts()
    {
        if (_contracted is null) return;
        for (var i = 0; i < _n; i++)
        {
            if (!_short[i]) continue;
            var y = SupplyCurve.Output(_c.UncappedBase[i], _p[i] - _c.InputCost[i], _b.BaseValueAdded, _b.Parameters.SupplyElasticity, _c.Capacity[i]);
            _served[i] = _contractOut[i] > 0 ? Math.Min(1, y / _contractOut[i]) : 1;
        }
        Array.Clear(_contractIn);
        Array.Clear(_shortIn);
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                var q = _served[i] * _contracted[i * _n + j];
                _contractIn[j] += q;
                if (_short[i]) _shortIn[j] += q;
            }
        }
    }

    /// <summary>After j's use is known: the share of its contracts from sellers that are not short that it uses itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TakeContracts(int j)
    {
        if (_contracted is null) return;
        var open = _contractIn[j] - _shortIn[j];
        _taken[j] = _contractIn[j] > _use[j] && open > 0 ? Math.Max(0, _use[j] - _shortIn[j]) / open : 1;
    }

    private double Delivered(int i, int j) => _served[i] * _contracted![i * _n + j] * (_short[i] ? 1 : _taken[j]);

    /// <summary>Contracted tonnes origin i delivers in total.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ContractSales(int i)
    {
        if (_contracted is null) return 0;
        var sales = 0.0;
        for (var j = 0; j < _n; j++) sales += Delivered(i, j);
        return sales;
    }

    /// <summary>j's spot demand: its composite use less what its contracts already bring (a buyer contracted beyond its use takes the tonnes and buys no spot).</summary>
    private double SpotUse(int j) => Math.Max(0, _use[j] - _contractIn[j]);

    /// <summary>Total flows: spot plus contracted tonnes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] TotalFlows()
    {
        if (_contracted is null) return _x;
        var total = (double[])_x.Clone();
        for (var i = 0; i < _n; i++)
            for (var j = 0; j < _n; j++)
                total[i * _n + j] += Delivered(i, j);
        return total;
    }

    private double[]? DeliveredContracts()
    {
        if (_contracted is null) return null;
        var delivered = new double[_n * _n];
        for (var i = 0; i < _n; i++)
            for (var j = 0; j < _n; j++)
                delivered[i * _n + j] = Delivered(i, j);
        return delivered;
    }
}
