using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using F = NegotiationSim.Scenarios.Language.ScenarioLanguage.FinanceBody;

namespace NegotiationSim.Scenarios;

/// <summary>Reads a `finance:` event (a financing offer for new capacity) through the keys of `events[].finance`.</summary>
internal static class FinanceEvents
{
    public static FinanceOffer? Read(NodeReader r, YamlMappingNode b, int round, WorldDefinition w)
    {
        r.CheckKeys(b, F.Shape);
        int Required(Language.Key key, Func<YamlNode, int> parse)
        {
            if (r.Get(b, key) is { } n) return parse(n);
            r.Error(b, $"finance: missing '{key.Name}'");
            return -1;
        }
        var lender = Required(F.Lender, n => ScenarioLoader.Country(r, n, w));
        var country = Required(F.Country, n => ScenarioLoader.Country(r, n, w));
        var mineral = Required(F.Mineral, n => ScenarioLoader.Mineral(r, n, w));
        var stageNode = r.Get(b, F.Stage);
        Stage? stage = stageNode is null ? Stage.Refined : ScenarioLoader.StageOf(r, stageNode);
        var amount = r.Number(b, F.Amount, 0);
        // capacity is t per year, like every quantity in a world file; the model runs in t per month.
        var perYear = r.Number(b, F.Capacity, 0);
        // A mine takes longer to build than a plant (MODEL.md's lead times), so the default depends on the stage.
        var lead = r.Integer(b, F.LeadTime, stage == Stage.Ore ? 60 : 36);
        var requires = r.Boolean(b, F.RequiresMembership, false);
        if (lender < 0 || country < 0 || mineral < 0 || stage is not { } s) return null;
        var market = new MarketId(mineral, s).Index;
        if (w.Production[country][market] <= 0)
        {
            // The market's base year has no trade from a country that does not produce, so new capacity there could
            // never sell: the model adds to existing producers only.
            r.Error(r.Get(b, F.Country), $"finance: {w.Countries[country].Id} produces no {Stages.Name(s)} {w.Minerals[mineral].Id} in the base world; finance can only expand an existing producer");
            return null;
        }
        return new FinanceOffer(round, lender, country, mineral, s, amount, perYear / 12.0, lead, requires);
    }
}
