using System.Globalization;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using D = NegotiationSim.Scenarios.Language.ScenarioLanguage.DealBody;

namespace NegotiationSim.Scenarios;

/// <summary>Reads a `deal:` event: each term must be one of the negotiation grid's values, so it maps to one outcome.</summary>
internal static class DealEvents
{
    public static ScheduledDeal? Read(NodeReader r, YamlMappingNode b, int round, WorldDefinition w)
    {
        r.CheckKeys(b, D.Shape);
        var id = r.Text(b, D.Id);
        if (id is not null && System.Text.RegularExpressions.Regex.IsMatch(id, "^[DSW][0-9]+$"))
        {
            // D0001, S0001 and W1 are how the engine and the war-game name negotiated deals and sessions.
            r.Error(r.Get(b, D.Id), $"deal: id '{id}' looks like a negotiated deal's; pick a name such as 'US-AUS-2025'");
            id = null;
        }
        int Party(Language.Key key) => r.Get(b, key) is { } n ? ScenarioLoader.Country(r, n, w) : -1;
        var buyer = Party(D.Buyer);
        var seller = Party(D.Seller);
        var mineral = r.Get(b, D.Mineral) is { } m ? ScenarioLoader.Mineral(r, m, w) : -1;
        Stage? stage = r.Get(b, D.Stage) is { } sn ? ScenarioLoader.StageOf(r, sn) : Stage.Refined;
        var space = DealSpace.Standard;
        var levels = new int[space.Issues.Count];
        var ok = true;
        void Level(int issue, Language.Key key, double fallback)
        {
            var x = key == D.ProcessInSeller ? (r.Boolean(b, key, false) ? 1 : 0) : r.Number(b, key, fallback);
            var values = space.Issues[issue].Values;
            var k = values.ToList().FindIndex(v => Math.Abs(v - x) < 1e-9);
            if (k >= 0) { levels[issue] = k; return; }
            ok = false;
            r.Error(r.Get(b, key), $"deal: {key.Name} {x.ToString(CultureInfo.InvariantCulture)} is not on the negotiation's grid; use one of {string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}");
        }
        Level(DealSpace.Volume, D.Offtake, 0);
        Level(DealSpace.Price, D.Price, 0);
        Level(DealSpace.Duration, D.Months, 36);
        Level(DealSpace.BuyerCut, D.BuyerTariffCut, 0);
        Level(DealSpace.SellerCut, D.SellerTariffCut, 0);
        Level(DealSpace.Investment, D.Investment, 0);
        Level(DealSpace.Processing, D.ProcessInSeller, 0);
        if (buyer >= 0 && buyer == seller) { r.Error(r.Get(b, D.Seller), "deal: buyer and seller are the same country"); ok = false; }
        if (!ok || id is null || buyer < 0 || seller < 0 || mineral < 0 || stage is not { } s) return null;
        return new ScheduledDeal(round, id, buyer, seller, mineral, s, space.Compose(levels));
    }
}
