namespace NegotiationSim.Core.Market;

public sealed partial class LinearGsim
{
    /// <summary>
    /// One region's welfare change under a sparse tariff change, without building the N×N results of
    /// <see cref="Solve(IReadOnlyList{ValueTuple{int, int, double}})"/>: the bloc screens every country's membership with
    /// one of these per floor market and round, so at N = 200 the full result's allocations dominated the round.
    /// Same formulas as the full solve; a test holds them equal.
    /// </summary>
    public RegionWelfare WelfareOf(int region, IReadOnlyList<(int Exporter, int Importer, double NewTariffPower)> changes)
    {
        var n = _n;
        double[] em = Data.ImportDemandView, es = Data.SubstitutionView, ex = Data.ExportSupplyView;
        var hat = new Dictionary<(int, int), double>(changes.Count);
        var composite = new Dictionary<int, double>();
        foreach (var (v, r, t) in changes)
        {
            var h = t / _t0[v, r] - 1;
            hat[(v, r)] = h;
            composite[r] = composite.GetValueOrDefault(r) + _theta[v, r] * h;
        }
        var worldPrice = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (_sales[v] == 0) continue;
            var s = 0.0;
            foreach (var (r, c) in composite) s += _phi[v, r] * _emPlusEs[r] * c;
            worldPrice[v] = -s;
        }
        foreach (var ((v, r), h) in hat)
            if (_sales[v] != 0) worldPrice[v] += _phi[v, r] * es[r] * h;
        _lu.SolveInPlace(worldPrice);

        // Region's own column: its purchases' price changes, composite, quantities, revenue and consumer price.
        var j = region;
        double Hat(int v) => hat.TryGetValue((v, j), out var h) ? h : 0;
        var compositeJ = 0.0;
        for (var v = 0; v < n; v++) compositeJ += _theta[v, j] * (Hat(v) + worldPrice[v]);
        double pc = 0, revenue = 0;
        for (var v = 0; v < n; v++)
        {
            var t1 = _t0[v, j] * (1 + Hat(v));
            var quantity = _emPlusEs[j] * compositeJ - es[j] * (Hat(v) + worldPrice[v]);
            pc += _theta[v, j] * (1 + Hat(v)) * (1 + worldPrice[v]) - _theta[v, j];
            revenue += (t1 - 1) * (1 + worldPrice[v]) * _flows[v, j] * (1 + quantity) - (_t0[v, j] - 1) * _flows[v, j];
        }
        var cs = -_spending[j] * pc + 0.5 * em[j] * _spending[j] * pc * pc * Math.Sign(pc);
        var p = worldPrice[j];
        return new RegionWelfare(_sales[j] * (p + 0.5 * ex[j] * p * p), cs, revenue);
    }
}
