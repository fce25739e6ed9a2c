using NegotiationSim.Core.Market;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// One mineral's three markets across rounds: keeps the warm start and the lagged levy, clears each round,
/// and accounts welfare per country. A MarketGrain holds one of these; the reference engine holds them all.
/// </summary>
public sealed class MineralMarket
{
    private readonly MarketBase[] _bases;
    private readonly double[][] _baseTariff;
    private readonly int _china;
    private readonly MarketOutcome?[] _last = new MarketOutcome?[Stages.Count];
    private readonly double[][] _lastLevy;
    private readonly MarketConditions?[] _lastConditions = new MarketConditions?[Stages.Count];
    private readonly (LinearGsim Model, double[] Wedge)?[] _linear = new (LinearGsim, double[])?[Stages.Count];

    /// <param name="bases">The mineral's three market bases, ore..product.</param>
    public MineralMarket(IReadOnlyList<MarketBase> bases, int mineral, int chinaIndex)
    {
        Mineral = mineral;
        _bases = bases.ToArray();
        _china = chinaIndex;
        _baseTariff = _bases.Select(BaseTariffs).ToArray();
        _lastLevy = _bases.Select(b => new double[b.N * b.N]).ToArray();
    }

    public int Mineral { get; }

    private static double[] BaseTariffs(MarketBase b)
    {
        var t = new double[b.N * b.N];
        for (var i = 0; i < b.N; i++)
        {
            for (var j = 0; j < b.N; j++)
            {
                var transport = i == j ? 1 : 1 + b.Parameters.Transport;
                t[i * b.N + j] = b.BaseWedge[i * b.N + j] / transport - 1;
            }
        }
        return t;
    }

    public MineralResult Clear(MineralRoundInput input)
    {
        var conditions = new MarketConditions[Stages.Count];
        for (var s = 0; s < Stages.Count; s++)
        {
            conditions[s] = ConditionsBuilder.Build(_bases[s], _baseTariff[s], input, _last[s], _lastLevy[s]);
            // Input costs start from last round's input price indices (block Gauss–Seidel warm start).
            if (s > 0 && _last[s - 1] is { } upstream)
                conditions[s].InputCost = upstream.PriceIndex.Select(p => _bases[s].BaseInputCost * p).ToArray();
        }
        var solved = MineralSolver.Solve(_bases, conditions);
        var n = _bases[0].N;
        var welfare = Enumerable.Repeat(WelfareRow.Zero, n).ToArray();
        var stages = new StageResult[Stages.Count];
        for (var s = 0; s < Stages.Count; s++)
        {
            var outcome = solved.Stages[s];
            _last[s] = outcome;
            _lastLevy[s] = outcome.Levy;
            _lastConditions[s] = conditions[s];
            _linear[s] = null;
            var rows = Welfare.ForStage(_bases[s], conditions[s], outcome, input.Policy);
            for (var j = 0; j < n; j++) welfare[j] = welfare[j].Add(rows[j]);
            stages[s] = Summaries.Stage(_bases[s], conditions[s], outcome, input.Policy.Members, _china);
        }
        return new MineralResult(Mineral, stages, welfare, solved.Sweeps);
    }

    /// <summary>
    /// L232 of §4.1 for each probe: the target's welfare loss, $/month, if the duty lands on its exports to the importer,
    /// valued on the linear model around this round's equilibrium (positive = a loss).
    /// </summary>
    public double[] Section232Losses(IReadOnlyList<Section232Probe> probes)
    {
        var losses = new double[probes.Count];
        foreach (var stage in Stages.All)
        {
            if (Linearise(stage) is not { } lin) continue;
            var (model, wedge) = lin;
            var c = _lastConditions[(int)stage]!;
            var o = _last[(int)stage]!;
            var n = _bases[0].N;
            for (var k = 0; k < probes.Count; k++)
            {
                var p = probes[k];
                var ij = p.Target * n + p.Importer;
                if (!p.Stages.Contains(stage) || o.Flows[ij] <= 0) continue;
                var duties = 1 + c.Tariff[ij] + c.Section232[ij] + o.Levy[ij];
                var welfare = model.WelfareOf(p.Target, [(p.Target, p.Importer, wedge[ij] * (duties + p.Rate) / duties)]);
                losses[k] -= welfare.Total;
            }
        }
        return losses;
    }

    /// <summary>
    /// For each probe of this mineral: the welfare change of A and B, $/month, if the importer cuts its tariff on the
    /// exporter by the probe's share on every stage, on the linear model around this round's equilibrium (§2.5, §3.3).
    /// Returns [A₀, B₀, A₁, B₁, …]; probes of other minerals and untaxed pairs give zeros.
    /// </summary>
    public double[] TariffCutGains(IReadOnlyList<TariffCutProbe> probes)
    {
        var gains = new double[probes.Count * 2];
        var n = _bases[0].N;
        foreach (var stage in Stages.All)
        {
            if (_lastConditions[(int)stage] is not { } c || _last[(int)stage] is not { } o) continue;
            bool Taxed(TariffCutProbe p) => p.Mineral == Mineral && c.Tariff[p.Exporter * n + p.Importer] > 0 && o.Flows[p.Exporter * n + p.Importer] > 0;
            // Most pairs pay no tariff: factorise the stage only when some probe has a tariff to cut.
            if (!probes.Any(Taxed) || Linearise(stage) is not { } lin) continue;
            var (model, wedge) = lin;
            for (var k = 0; k < probes.Count; k++)
            {
                var p = probes[k];
                if (!Taxed(p)) continue;
                var ij = p.Exporter * n + p.Importer;
                var duties = 1 + c.Tariff[ij] + c.Section232[ij] + o.Levy[ij];
                var result = model.Solve([(p.Exporter, p.Importer, wedge[ij] * (duties - p.Cut * c.Tariff[ij]) / duties)]);
                gains[2 * k] += result.Welfare[p.A].Total;
                gains[2 * k + 1] += result.Welfare[p.B].Total;
            }
        }
        return gains;
    }

    public double[] LastPrices(Stage stage) => _last[(int)stage]?.Prices ?? [];

    /// <summary>Today's wedge on a pair with the bloc levy taken out.</summary>
    public double WedgeWithoutLevy(Stage stage, int i, int j)
    {
        var o = _last[(int)stage]!;
        var c = _lastConditions[(int)stage]!;
        var n = _bases[0].N;
        var ij = i * n + j;
        var duties = c.Tariff[ij] + c.Section232[ij];
        return o.Delivered[ij] / o.Prices[i] * (1 + duties) / (1 + duties + o.Levy[ij]);
    }

    /// <summary>The current equilibrium of one stage as a linear GSIM, for what-ifs (§2.5); null before the first round.</summary>
    public (LinearGsim Model, double[] Wedge)? Linearise(Stage stage)
    {
        // Factorised once per round: the membership screen and the Section 232 probes both use it.
        var s = (int)stage;
        if (_linear[s] is null && _last[s] is { } o && _lastConditions[s] is { } c) _linear[s] = WhatIf.Linearise(_bases[s], c, o);
        return _linear[s];
    }
}

/// <summary>Membership what-ifs on the linear model: the change in each country's welfare from being in rather than out.</summary>
public static class MembershipWhatIf
{
    /// <summary>For every country j: W_j(F ∪ {j}) − W_j(F \ {j}) in this mineral's floor markets, screened linearly (§4.1).</summary>
    public static double[] InMinusOut(MineralMarket market, bool[] members, double[] floors)
    {
        var n = members.Length;
        var value = new double[n];
        foreach (var stage in Stages.All)
        {
            var floor = floors[new MarketId(market.Mineral, stage).Index];
            if (double.IsNaN(floor) || market.Linearise(stage) is not { } lin) continue;
            var (model, _) = lin;
            // Every country's what-if shares this stage's factorisation: build them all, then solve them together.
            var whatIfs = new List<(int Region, IReadOnlyList<(int, int, double)> Changes)>();
            for (var j = 0; j < n; j++)
            {
                var distinct = WedgeChanges(market, stage, floor, members, j, joining: !members[j]);
                if (distinct.Count > 0) whatIfs.Add((j, distinct));
            }
            var welfare = model.WelfareOfEach(whatIfs);
            for (var k = 0; k < whatIfs.Count; k++)
            {
                var j = whatIfs[k].Region;
                value[j] += !members[j] ? welfare[k].Total : -welfare[k].Total;
            }
        }
        return value;
    }

    /// <summary>
    /// For every country i: W_i(F ∪ {a}) − W_i(F) in this mineral's floor markets if the bloc admits
    /// <paramref name="applicant"/> a, screened linearly: what the members weigh when they vote on its application.
    /// </summary>
    public static double[] AdmissionGains(MineralMarket market, bool[] members, double[] floors, int applicant)
    {
        var value = new double[members.Length];
        if (members[applicant]) return value;
        foreach (var stage in Stages.All)
        {
            var floor = floors[new MarketId(market.Mineral, stage).Index];
            if (double.IsNaN(floor) || market.Linearise(stage) is not { } lin) continue;
            var changes = WedgeChanges(market, stage, floor, members, applicant, joining: true);
            if (changes.Count == 0) continue;
            var result = lin.Model.Solve(changes);
            for (var i = 0; i < value.Length; i++) value[i] += result.Welfare[i].Total;
        }
        return value;
    }

    /// <summary>The trade wedges that change when j joins (or, with <paramref name="joining"/> false, is out) at one stage.</summary>
    private static List<(int, int, double)> WedgeChanges(MineralMarket market, Stage stage, double floor, bool[] members, int j, bool joining)
    {
        var n = members.Length;
        var (_, wedge) = market.Linearise(stage)!.Value;
        var prices = market.LastPrices(stage);
        var changes = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            if (i == j) continue;
            // Outsiders selling to j: levied up to the floor if j is in, not if j is out.
            if (!members[i] && prices[i] > 0)
            {
                var levied = Math.Max(wedge[i * n + j], floor / prices[i]);
                var free = market.WedgeWithoutLevy(stage, i, j);
                changes.Add((i, j, joining ? levied : free));
            }
            // j selling to members: free if j is in, levied if j is out.
            if (members[i] && prices[j] > 0)
            {
                var levied = Math.Max(wedge[j * n + i], floor / prices[j]);
                var free = market.WedgeWithoutLevy(stage, j, i);
                changes.Add((j, i, joining ? free : levied));
            }
        }
        return changes.Where(c => Math.Abs(c.Item3 / wedge[c.Item1 * n + c.Item2] - 1) > 1e-12).ToList();
    }
}
