using System.Runtime.CompilerServices;

namespace NegotiationSim.Core.Market;

public sealed partial class LinearGsim
{
    /// <summary>
    /// One region's welfare change under a sparse tariff change, without building the N×N results of
    /// <see cref="Solve(IReadOnlyList{ValueTuple{int, int, double}})"/>: the bloc screens every country's membership with
    /// one of these per floor market and round, so at N = 200 the full result's allocations dominated the round.
    /// Same formulas as the full solve; a test holds them equal.
    /// </summary>
    public RegionWelfare WelfareOf(int region, IReadOnlyList<(int Exporter, int Importer, double NewTariffPower)> changes) =>
        WelfareOfEach([(region, changes)])[0];

    /// <summary>
    /// <see cref="WelfareOf"/> for several (region, changes) what-ifs at once: their clearing systems share one
    /// factorisation, so they are back-substituted four at a time (one pass over the LU factors instead of four).
    /// Each what-if's arithmetic is the same, in the same order, as on its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RegionWelfare[] WelfareOfEach(IReadOnlyList<(int Region, IReadOnlyList<(int Exporter, int Importer, double NewTariffPower)> Changes)> whatIfs)
    {
        var count = whatIfs.Count;
        var worldPrices = new double[count][];
        var columns = new double[count][];
        for (var k = 0; k < count; k++) (worldPrices[k], columns[k]) = ClearingRightHandSide(whatIfs[k].Region, whatIfs[k].Changes);
        var k4 = 0;
        for (; k4 + 4 <= count; k4 += 4)
            _lu.SolveInPlace(worldPrices[k4], worldPrices[k4 + 1], worldPrices[k4 + 2], worldPrices[k4 + 3]);
        for (; k4 < count; k4++) _lu.SolveInPlace(worldPrices[k4]);
        var welfare = new RegionWelfare[count];
        for (var k = 0; k < count; k++) welfare[k] = RegionOutcome(whatIfs[k].Region, columns[k], worldPrices[k]);
        return welfare;
    }

    /// <summary>
    /// b of the clearing system for a sparse change, and T̂_vj of the region's own column j. Arrays in place of the
    /// (exporter, importer) dictionaries this once used: importers are summed in the order they first appear, as the
    /// dictionary enumerated them, so the bits are unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double[] WorldPrice, double[] Column) ClearingRightHandSide(int region, IReadOnlyList<(int Exporter, int Importer, double NewTariffPower)> changes)
    {
        var n = _n;
        double[] es = Data.SubstitutionView;
        var column = new double[n];
        var composite = new double[n];
        var listed = new bool[n];
        var importers = new List<int>();
        var pairs = new HashSet<int>(changes.Count);
        var hats = new double[changes.Count];
        for (var c = 0; c < changes.Count; c++)
        {
            var (v, r, t) = changes[c];
            if (!pairs.Add(v * n + r)) throw new ArgumentException($"Tariff change ({v},{r}) is listed twice.", nameof(changes));
            var h = hats[c] = t / _t0[v, r] - 1;
            if (!listed[r])
            {
                listed[r] = true;
                importers.Add(r);
            }
            composite[r] += _theta[v, r] * h;
            if (r == region) column[v] = h;
        }
        var worldPrice = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (_sales[v] == 0) continue;
            var s = 0.0;
            foreach (var r in importers) s += _phi[v, r] * _emPlusEs[r] * composite[r];
            worldPrice[v] = -s;
        }
        for (var c = 0; c < changes.Count; c++)
        {
            var (v, r, _) = changes[c];
            if (_sales[v] != 0) worldPrice[v] += _phi[v, r] * es[r] * hats[c];
        }
        return (worldPrice, column);
    }

    /// <summary>The region's own column after the clearing solve: its purchases' price changes, composite, quantities, revenue and consumer price.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RegionWelfare RegionOutcome(int j, double[] hat, double[] worldPrice)
    {
        var n = _n;
        double[] em = Data.ImportDemandView, es = Data.SubstitutionView, ex = Data.ExportSupplyView;
        var compositeJ = 0.0;
        for (var v = 0; v < n; v++) compositeJ += _theta[v, j] * (hat[v] + worldPrice[v]);
        double pc = 0, revenue = 0;
        for (var v = 0; v < n; v++)
        {
            var t1 = _t0[v, j] * (1 + hat[v]);
            var quantity = _emPlusEs[j] * compositeJ - es[j] * (hat[v] + worldPrice[v]);
            pc += _theta[v, j] * (1 + hat[v]) * (1 + worldPrice[v]) - _theta[v, j];
            revenue += (t1 - 1) * (1 + worldPrice[v]) * _flows[v, j] * (1 + quantity) - (_t0[v, j] - 1) * _flows[v, j];
        }
        var cs = -_spending[j] * pc + 0.5 * em[j] * _spending[j] * pc * pc * Math.Sign(pc);
        var p = worldPrice[j];
        return new RegionWelfare(_sales[j] * (p + 0.5 * ex[j] * p * p), cs, revenue);
    }
}
