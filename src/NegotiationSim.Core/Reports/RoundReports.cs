using NegotiationSim.Core.Engine;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Reports;

/// <summary>Assembles a round's report from the cleared markets and the round's events.</summary>
public static class RoundReports
{
    public static RoundReport Build(WorldDefinition world, int round, string month, bool[] members,
        IReadOnlyList<MineralResult> results, IReadOnlyList<RunEvent> events, StabilityReport stability)
    {
        var us = world.IndexOfRole(CountryRole.BlocLeader);
        var china = world.IndexOfRole(CountryRole.China);
        var prices = new List<MarketPrices>();
        var rows = new List<CountryMineralRow>();
        var flows = new List<FlowRow>();
        var security = new List<SecurityRow>();
        foreach (var r in results)
        {
            var mineral = world.Minerals[r.Mineral].Id;
            for (var s = 0; s < Stages.Count; s++)
            {
                var st = r.Stages[s];
                var stage = Stages.Name((Stage)s);
                var worldOutput = st.Output.Sum();
                var fob = worldOutput > 0 ? st.Output.Select((y, i) => y * st.Price[i]).Sum() / worldOutput : double.NaN;
                prices.Add(new MarketPrices(mineral, stage, st.MemberPrice, st.OutsiderPrice, st.ChinaPrice, st.Floor, fob));
                for (var i = 0; i < world.CountryCount; i++)
                {
                    var w = s == 0 ? r.Welfare[i] : WelfareRow.Zero;
                    rows.Add(new CountryMineralRow(world.Countries[i].Id, mineral, stage, st.Output[i], st.Use[i], st.Imports[i],
                        st.Exports[i], st.ImportsFromChina[i], st.Price[i], st.PriceIndex[i],
                        w.ConsumerSurplus, w.ProducerSurplus, w.TariffRevenue, w.ExportRent, w.Subsidy, w.ContractTransfer,
                        st.ContractedSales[i], st.ContractedPurchases[i]));
                }
                flows.AddRange(st.Flows.Select(f => new FlowRow(mineral, stage, world.Countries[f.Origin].Id,
                    world.Countries[f.Destination].Id, f.Tonnes, f.DeliveredPrice, f.Contracted)));
            }
            var refined = r.Stages[(int)Stage.Refined];
            var reliance = us >= 0 && refined.Use[us] > 0 ? Math.Clamp((refined.Imports[us] - refined.Exports[us]) / refined.Use[us], 0, 1) : 0;
            var total = refined.Output.Sum();
            var share = china >= 0 && total > 0 ? refined.Output[china] / total : 0;
            security.Add(new SecurityRow(mineral, reliance, share));
        }
        var memberIds = world.Countries.Where((_, i) => members[i]).Select(c => c.Id).ToArray();
        return new RoundReport(round, month, memberIds, prices, rows, flows, security, events, stability,
            results.Max(r => r.Sweeps));
    }
}
