using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>The most of a seller's exports of a market that all its contracts together may take [A].</summary>
    public const double MaxContractedShare = 0.5;

    /// <summary>The market facts of each new session, with its tariff-cut what-ifs valued in one host call (§2.5).</summary>
    private async Task<DealFacts[]> DealFactsAsync(int round, IReadOnlyList<MineralResult> results, PartnerScreen.Candidate[] chosen)
    {
        var cuts = DealSpace.Standard.Issues[DealSpace.BuyerCut].Values.Skip(1).ToArray();
        var probes = new List<TariffCutProbe>();
        foreach (var c in chosen)
        {
            foreach (var cut in cuts) probes.Add(new TariffCutProbe(c.Buyer, c.Seller, c.Mineral, cut, c.Buyer, c.Seller));
            foreach (var cut in cuts) probes.Add(new TariffCutProbe(c.Seller, c.Buyer, c.Mineral, cut, c.Buyer, c.Seller));
        }
        var gains = await _host.TariffCutGainsAsync(probes);
        var threatProbes = chosen.Select(c => _threats.For(c.Seller) is { } t && c.Buyer == _us
            ? new Section232Probe(c.Seller, _us, t.Stages, t.Rate) : null).ToArray();
        var live = threatProbes.Where(p => p is not null).Select(p => p!).ToArray();
        var losses = live.Length == 0 ? [] : await _host.Section232LossesAsync(live);
        var facts = new DealFacts[chosen.Length];
        var settings = _scenario.Settings;
        for (var k = 0; k < chosen.Length; k++)
        {
            var c = chosen[k];
            var st = results[c.Mineral].Stages[(int)c.Stage];
            var refined = results[c.Mineral].Stages[(int)Stage.Refined];
            var g = gains[c.Mineral];
            double[] Slice(int from) => Enumerable.Range(0, 2 * cuts.Length).Select(i => g[2 * (k * 2 * cuts.Length + from) + i]).ToArray();
            var price = st.Price[c.Seller];
            var valueAdded = st.ValueAdded[c.Seller] > 0 ? st.ValueAdded[c.Seller] : st.ValueAdded.Max();
            var refinedVa = refined.ValueAdded.Max() > 0 ? refined.ValueAdded.Where(v => v > 0).Average() : 0;
            var use = st.Use[c.Buyer];
            var fromChina = use > 0 && c.Seller != _china ? st.ImportsFromChina[c.Buyer] / use : 0;
            var pressure = _controls.Controls.Any(x => x.Mineral == c.Mineral && x.Exporter == _china && !_controls.Suspended.Contains(x.Id)) ? 0.1 : 0.01;
            var flooded = _floods.Any(f => f.Flood.Mineral == c.Mineral && f.Until >= round);
            var threatIndex = Array.IndexOf(live, threatProbes[k]);
            var threatLoss = threatIndex < 0 || threatProbes[k] is null ? 0
                : _threats.For(c.Seller)!.Credibility * losses.Sum(m => m[threatIndex]);
            // Offtake already promised by this seller in this market is not on offer again, and all its contracts together
            // take at most MaxContractedShare of its exports [A]: contracts are served first, so a seller contracted out
            // has almost no spot supply left and its spot price runs away from everyone else's (seen at 76% on Peru's copper ore).
            var promised = _deals.Where(d => !_voided.Contains(d.Id) && d.End > round && d.Seller == c.Seller && d.Mineral == c.Mineral && d.Stage == c.Stage)
                .Sum(d => d.Volume);
            var tranche = settings.InvestmentStep * Math.Max(st.Output[c.Seller], 0.1 * use);
            facts[k] = new DealFacts(price, Math.Max(0, MaxContractedShare * st.Exports[c.Seller] - promised), valueAdded, refinedVa, OreToRefined(c.Mineral), refined.Output[c.Buyer] > 0,
                tranche, c.Stage == Stage.Ore ? settings.MineLeadTime : settings.PlantLeadTime,
                settings.DisruptionHazard + fromChina * pressure, flooded ? 0.05 : 0.01, price * (1 - settings.FloodSubsidy),
                Slice(0), Slice(cuts.Length), Math.Max(0, threatLoss), c.Stage == Stage.Ore);
        }
        return facts;
    }
}
