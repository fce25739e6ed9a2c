using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>Reads a `finance:` event (a financing offer for new capacity).</summary>
internal static class FinanceEvents
{
    public static FinanceOffer? Read(NodeReader r, YamlMappingNode b, int round, WorldDefinition w)
    {
        r.CheckKeys(b, "lender", "country", "mineral", "stage", "amount", "capacity", "lead_time", "requires_membership");
        int Required(string key, Func<YamlNode, int> parse)
        {
            if (r.Get(b, key) is { } n) return parse(n);
            r.Error(b, $"finance: missing '{key}'");
            return -1;
        }
        var lender = Required("lender", n => ScenarioLoader.Country(r, n, w));
        var country = Required("country", n => ScenarioLoader.Country(r, n, w));
        var mineral = Required("mineral", n => ScenarioLoader.Mineral(r, n, w));
        var stageNode = r.Get(b, "stage");
        Stage? stage = stageNode is null ? Stage.Refined : ScenarioLoader.StageOf(r, stageNode);
        var amount = r.Number(b, "amount", 0, 0, 1e13, required: true);
        // capacity is t per year, like every quantity in a world file; the model runs in t per month.
        var perYear = r.Number(b, "capacity", 0, 0, 1e12, required: true);
        var lead = r.Integer(b, "lead_time", stage == Stage.Ore ? 60 : 36, 1, 240);
        var requires = r.Text(b, "requires_membership") switch
        {
            null or "false" => false,
            "true" => true,
            var o => ScenarioLoader.Bad(r, r.Get(b, "requires_membership"), $"requires_membership must be true or false, not '{o}'", false),
        };
        if (lender < 0 || country < 0 || mineral < 0 || stage is not { } s) return null;
        var market = new MarketId(mineral, s).Index;
        if (w.Production[country][market] <= 0)
        {
            // The market's base year has no trade from a country that does not produce, so new capacity there could
            // never sell: the model adds to existing producers only.
            r.Error(r.Get(b, "country"), $"finance: {w.Countries[country].Id} produces no {Stages.Name(s)} {w.Minerals[mineral].Id} in the base world; finance can only expand an existing producer");
            return null;
        }
        return new FinanceOffer(round, lender, country, mineral, s, amount, perYear / 12.0, lead, requires);
    }
}
