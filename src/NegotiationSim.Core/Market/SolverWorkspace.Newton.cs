using System.Runtime.CompilerServices;

namespace NegotiationSim.Core.Market;

internal sealed partial class SolverWorkspace
{
    /// <summary>
    /// A full Newton step on all origins' log prices with a backtracking line search, for markets where the cheap
    /// diagonal step stalls: small suppliers that compete for the same buyers (e.g. the non-Chinese gallium refiners
    /// left to serve the US under a ban) are too coupled for one-origin-at-a-time updates.
    /// J_ik = ∂z_i/∂ln p_k = Σ_j w_ij·[−σ·δ_ik + (σ + ε_j)·s_kj] − η_i·δ_ik.
    /// Returns the residual after the step, or NaN when the step could not be taken (the caller steps diagonally).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double NewtonStep(double residual)
    {
        var origins = Enumerable.Range(0, _n).Where(i => _active[i] && !_short[i] && (_y[i] > 0 || _z[i] != 0)).ToArray();
        if (origins.Length == 0 || origins.Any(i => _y[i] <= 0)) return double.NaN;
        var m = origins.Length;
        var position = new int[_n];
        Array.Fill(position, -1);
        for (var a = 0; a < m; a++) position[origins[a]] = a;
        var jacobian = new double[m, m];
        var p = _b.Parameters;
        for (var a = 0; a < m; a++)
        {
            var i = origins[a];
            var d = ContractSales(i);
            for (var j = 0; j < _n; j++) d += _x[i * _n + j];
            var v = _p[i] - _c.InputCost[i];
            jacobian[a, a] -= SupplyCurve.Elasticity(_c.UncappedBase[i], v, _b.BaseValueAdded, p.SupplyElasticity, _c.Capacity[i], _p[i]);
            if (d <= 0) continue;
            for (var j = 0; j < _n; j++)
            {
                var ij = i * _n + j;
                // A binding quota fixes the flow (the rent absorbs price changes), so it answers no price.
                if (_x[ij] <= 0 || _spend[j] <= 0 || Binding(ij)) continue;
                var w = _x[ij] / d;
                jacobian[a, a] -= w * _sigma;
                var factor = w * (_sigma + _useElasticity[j]) / _spend[j];
                for (var k = 0; k < _n; k++)
                {
                    var kj = k * _n + j;
                    if (position[k] < 0 || _x[kj] <= 0 || Binding(kj)) continue;
                    jacobian[a, position[k]] += factor * _delivered[kj] * _x[kj];
                }
            }
        }
        double[] step = origins.Select(i => -_z[i]).ToArray();
        try
        {
            new LuDecomposition(jacobian).SolveInPlace(step);
        }
        catch (InvalidOperationException)
        {
            return double.NaN;
        }
        var start = origins.Select(i => _p[i]).ToArray();
        var scale = Math.Min(1.0, 0.5 / Math.Max(step.Max(Math.Abs), 1e-300));
        for (var attempt = 0; attempt < 12; attempt++, scale *= 0.5)
        {
            for (var a = 0; a < m; a++) _p[origins[a]] = Math.Max(start[a] * Math.Exp(scale * step[a]), _c.InputCost[origins[a]] * (1 + 1e-9) + 1e-12);
            UpdateWedges();
            ComputeDemand();
            var trial = ComputeExcess();
            if (trial < residual) return trial;
        }
        for (var a = 0; a < m; a++) _p[origins[a]] = start[a];
        UpdateWedges();
        ComputeDemand();
        ComputeExcess();
        return double.NaN;
    }
}
