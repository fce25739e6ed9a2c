using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

public static partial class ScenarioLoader
{
    private static WorldDefinition? ReadWorld(NodeReader r, YamlMappingNode root)
    {
        var minerals = new List<MineralDefinition>();
        foreach (var item in r.Items(r.List(root, L.Root.Minerals)))
        {
            if (item is not YamlMappingNode m) { r.Error(item, "each mineral must be a mapping"); continue; }
            r.CheckKeys(m, L.Mineral.Shape);
            var id = r.Text(m, L.Mineral.Id) ?? "?";
            if (minerals.Any(x => x.Id == id)) r.Error(m, $"mineral '{id}' is defined twice");
            var stagesNode = r.Map(m, L.Mineral.Stages);
            var stages = new StageParameters[Stages.Count];
            for (var s = 0; s < Stages.Count; s++)
            {
                var sm = stagesNode is null ? null : r.Map(stagesNode, L.StageSet.Shape.Keys[s]);
                stages[s] = sm is null ? new StageParameters(1, 0.5, 3, -0.1, 0.15, 0, 0.05) : ReadStage(r, sm, s);
            }
            if (stagesNode is not null) r.CheckKeys(stagesNode, L.StageSet.Shape);
            minerals.Add(new MineralDefinition(id, r.Text(m, L.Mineral.Name) ?? id, stages, r.Number(m, L.Mineral.DemandGrowth),
                r.Number(m, L.Mineral.CapacityGrowth)));
        }
        var countries = new List<(CountryDefinition Def, YamlNode Node)>();
        foreach (var item in r.Items(r.List(root, L.Root.Countries)))
        {
            if (item is not YamlMappingNode c) { r.Error(item, "each country must be a mapping"); continue; }
            r.CheckKeys(c, L.Country.Shape);
            var id = r.Text(c, L.Country.Id) ?? "?";
            if (countries.Any(x => x.Def.Id == id)) r.Error(c, $"country '{id}' is defined twice");
            var role = r.Text(c, L.Country.Role) switch
            {
                null or "country" => CountryRole.Country,
                "bloc_leader" => CountryRole.BlocLeader,
                "china" => CountryRole.China,
                var other => Bad(r, r.Get(c, L.Country.Role), $"unknown role '{other}'; roles are {string.Join(", ", ((Language.ChoiceValue)L.Country.Role.Value).Options)}", CountryRole.Country),
            };
            countries.Add((new CountryDefinition(id, r.Text(c, L.Country.Name) ?? id, role, ReadStance(r, c), r.Number(c, L.Country.Stability)), c));
        }
        if (countries.Count(c => c.Def.Role == CountryRole.BlocLeader) > 1) r.Error(root, "only one country may have role bloc_leader");
        if (countries.Count(c => c.Def.Role == CountryRole.China) > 1) r.Error(root, "only one country may have role china");
        if (minerals.Count == 0) r.Error(r.Get(root, L.Root.Minerals) ?? root, "a scenario needs at least one mineral");
        if (countries.Count == 0) r.Error(r.Get(root, L.Root.Countries) ?? root, "a scenario needs at least one country");
        if (minerals.Count == 0 || countries.Count == 0) return null;

        var sorted = countries.Select(c => c.Def).OrderBy(c => c.Id, StringComparer.Ordinal).DistinctBy(c => c.Id).ToArray();
        var n = sorted.Length;
        var k = minerals.Count * Stages.Count;
        double[][] Grid(int width) => Enumerable.Range(0, n).Select(_ => new double[width]).ToArray();
        var production = Grid(k);
        var capacity = Grid(k);
        var consumption = Grid(k);
        var reserves = Grid(minerals.Count);
        var probe = new WorldDefinition(sorted, minerals, production, capacity, consumption, reserves, []);
        ReadStageTable(r, root, L.Root.Production, probe, production, 1.0 / 12);
        var capacityNodes = ReadStageTable(r, root, L.Root.Capacity, probe, capacity, 1.0 / 12);
        CheckCapacityCoversOutput(r, probe, production, capacity, capacityNodes.Cells);
        var consumptionNodes = ReadStageTable(r, root, L.Root.Consumption, probe, consumption, 1.0);
        CheckSharesAddUp(r, probe, consumption, consumptionNodes.Markets);
        if (r.Map(root, L.Root.Reserves) is { } res)
        {
            foreach (var (mk, mv) in res.Children)
            {
                var m = Mineral(r, mk, probe);
                if (mv is not YamlMappingNode byCountry) { r.Error(mv, "reserves: expected country: tonnes"); continue; }
                foreach (var (ck, cv) in byCountry.Children)
                {
                    var i = Country(r, ck, probe);
                    var x = r.Number(cv, $"reserves of {(ck as YamlScalarNode)?.Value}", 0, ReserveUnit.Min, ReserveUnit.Max, ReserveUnit.Unit);
                    if (m >= 0 && i >= 0) reserves[i][m] = x;
                }
            }
        }
        for (var m = 0; m < minerals.Count; m++)
            for (var s = 0; s < Stages.Count; s++)
                if (!Enumerable.Range(0, n).Any(i => production[i][m * Stages.Count + s] > 0))
                    r.Error(r.Get(root, L.Root.Production) ?? root, $"no production of {minerals[m].Id} at stage {Stages.Name((Stage)s)}: every stage of a mineral needs a producer");
        var tariffs = ReadTariffs(r, root, probe);
        return new WorldDefinition(sorted, minerals, production, capacity, consumption, reserves, tariffs);
    }

    internal static T Bad<T>(NodeReader r, YamlNode? node, string message, T fallback)
    {
        r.Error(node, message);
        return fallback;
    }

    private static StageParameters ReadStage(NodeReader r, YamlMappingNode m, int s)
    {
        r.CheckKeys(m, L.StageParameters.Shape);
        return new StageParameters(
            r.Number(m, L.StageParameters.Price, 1),
            r.Number(m, L.StageParameters.ValueAddedShare),
            r.Number(m, L.StageParameters.Sigma, s == 1 ? 10 : s == 0 ? 3 : 4),
            r.Number(m, L.StageParameters.DemandElasticity),
            r.Number(m, L.StageParameters.SupplyElasticity),
            r.Number(m, L.StageParameters.OtherUseShare, s == 2 ? 1 : 0.1),
            r.Number(m, L.StageParameters.Transport, s == 0 ? 0.08 : 0.02));
    }

    private static Stance ReadStance(NodeReader r, YamlMappingNode c)
    {
        var d = Stance.Neutral;
        if (r.Map(c, L.Country.Stance) is not { } s) return d;
        r.CheckKeys(s, L.CountryStance.Shape);
        return new Stance(r.Number(s, L.CountryStance.Economic), r.Number(s, L.CountryStance.Security),
            r.Number(s, L.CountryStance.Alignment), r.Number(s, L.CountryStance.Autonomy),
            r.Number(s, L.CountryStance.RiskAversion), r.Number(s, L.CountryStance.Patience),
            r.Number(s, L.CountryStance.Hysteresis))
        { Strategy = r.Text(s, L.CountryStance.Strategy) };
    }

    private static List<TariffRule> ReadTariffs(NodeReader r, YamlMappingNode root, WorldDefinition w)
    {
        var rules = new List<TariffRule>();
        foreach (var item in r.Items(r.List(root, L.Root.Tariffs)))
        {
            if (item is not YamlMappingNode t) { r.Error(item, "each tariff must be a mapping"); continue; }
            r.CheckKeys(t, L.Tariff.Shape);
            var importer = r.Get(t, L.Tariff.Importer) is { } im ? Country(r, im, w) : Bad(r, t, "tariff: missing 'importer'", -1);
            int? exporter = r.Get(t, L.Tariff.Exporter) is { } ex ? Country(r, ex, w) : null;
            int? mineral = r.Get(t, L.Tariff.Mineral) is { } mn ? Mineral(r, mn, w) : null;
            var stage = r.Get(t, L.Tariff.Stage) is { } st ? StageOf(r, st) : null;
            var rate = r.Number(t, L.Tariff.Rate, 0);
            if (importer >= 0 && exporter is not -1 && mineral is not -1) rules.Add(new TariffRule(importer, exporter, mineral, stage, rate));
        }
        return rules;
    }
}
