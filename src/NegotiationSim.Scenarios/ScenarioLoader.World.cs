using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

public static partial class ScenarioLoader
{
    private static WorldDefinition? ReadWorld(NodeReader r, YamlMappingNode root)
    {
        var minerals = new List<MineralDefinition>();
        foreach (var item in r.Items(r.List(root, "minerals", required: true)))
        {
            if (item is not YamlMappingNode m) { r.Error(item, "each mineral must be a mapping"); continue; }
            r.CheckKeys(m, "id", "name", "unit", "demand_growth", "stages", "source");
            var id = r.Text(m, "id", required: true) ?? "?";
            if (minerals.Any(x => x.Id == id)) r.Error(m, $"mineral '{id}' is defined twice");
            var stagesNode = r.Map(m, "stages", required: true);
            var stages = new StageParameters[Stages.Count];
            for (var s = 0; s < Stages.Count; s++)
            {
                var name = Stages.Name((Stage)s);
                var sm = stagesNode is null ? null : r.Map(stagesNode, name, required: true);
                stages[s] = sm is null ? new StageParameters(1, 0.5, 3, -0.1, 0.15, 0, 0.05) : ReadStage(r, sm, s);
            }
            if (stagesNode is not null) r.CheckKeys(stagesNode, "ore", "refined", "product");
            minerals.Add(new MineralDefinition(id, r.Text(m, "name") ?? id, stages, r.Number(m, "demand_growth", 0, -0.5, 1)));
        }
        var countries = new List<(CountryDefinition Def, YamlNode Node)>();
        foreach (var item in r.Items(r.List(root, "countries", required: true)))
        {
            if (item is not YamlMappingNode c) { r.Error(item, "each country must be a mapping"); continue; }
            r.CheckKeys(c, "id", "name", "role", "stability", "stance");
            var id = r.Text(c, "id", required: true) ?? "?";
            if (countries.Any(x => x.Def.Id == id)) r.Error(c, $"country '{id}' is defined twice");
            var role = r.Text(c, "role") switch
            {
                null or "country" => CountryRole.Country,
                "bloc_leader" => CountryRole.BlocLeader,
                "china" => CountryRole.China,
                var other => Bad(r, r.Get(c, "role"), $"unknown role '{other}'; roles are country, bloc_leader, china", CountryRole.Country),
            };
            countries.Add((new CountryDefinition(id, r.Text(c, "name") ?? id, role, ReadStance(r, c), r.Number(c, "stability", 0.7, 0, 1)), c));
        }
        if (countries.Count(c => c.Def.Role == CountryRole.BlocLeader) > 1) r.Error(root, "only one country may have role bloc_leader");
        if (countries.Count(c => c.Def.Role == CountryRole.China) > 1) r.Error(root, "only one country may have role china");
        if (minerals.Count == 0) r.Error(r.Get(root, "minerals") ?? root, "a scenario needs at least one mineral");
        if (countries.Count == 0) r.Error(r.Get(root, "countries") ?? root, "a scenario needs at least one country");
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
        ReadStageTable(r, root, "production", probe, production, 1.0 / 12, 0, 1e12);
        ReadStageTable(r, root, "capacity", probe, capacity, 1.0 / 12, 0, 1e12);
        ReadStageTable(r, root, "consumption", probe, consumption, 1.0, 0, 1e12);
        if (r.Map(root, "reserves") is { } res)
        {
            foreach (var (mk, mv) in res.Children)
            {
                var m = Mineral(r, mk, probe);
                if (mv is not YamlMappingNode byCountry) { r.Error(mv, "reserves: expected country: tonnes"); continue; }
                foreach (var (ck, cv) in byCountry.Children)
                {
                    var i = Country(r, ck, probe);
                    var x = r.Number(cv, "reserves", 0, 0, 1e13);
                    if (m >= 0 && i >= 0) reserves[i][m] = x;
                }
            }
        }
        for (var m = 0; m < minerals.Count; m++)
            for (var s = 0; s < Stages.Count; s++)
                if (!Enumerable.Range(0, n).Any(i => production[i][m * Stages.Count + s] > 0))
                    r.Error(r.Get(root, "production") ?? root, $"no production of {minerals[m].Id} at stage {Stages.Name((Stage)s)}: every stage of a mineral needs a producer");
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
        r.CheckKeys(m, "price", "value_added_share", "sigma", "demand_elasticity", "supply_elasticity", "other_use_share", "transport");
        return new StageParameters(
            r.Number(m, "price", 1, 1e-6, 1e12, required: true),
            r.Number(m, "value_added_share", 0.5, 0.01, 1),
            r.Number(m, "sigma", s == 1 ? 10 : s == 0 ? 3 : 4, 1.01, 50),
            r.Number(m, "demand_elasticity", -0.1, -5, -0.001),
            r.Number(m, "supply_elasticity", 0.15, 0.001, 5),
            r.Number(m, "other_use_share", s == 2 ? 1 : 0.1, 0, 1),
            r.Number(m, "transport", s == 0 ? 0.08 : 0.02, 0, 2));
    }

    private static Stance ReadStance(NodeReader r, YamlMappingNode c)
    {
        var d = Stance.Neutral;
        if (r.Map(c, "stance") is not { } s) return d;
        r.CheckKeys(s, "economic", "security", "alignment", "autonomy", "risk_aversion", "patience", "hysteresis", "strategy");
        return new Stance(r.Number(s, "economic", d.Economic, 0, 10), r.Number(s, "security", d.Security, 0, 10),
            r.Number(s, "alignment", d.Alignment, -1, 1), r.Number(s, "autonomy", d.Autonomy, 0, 10),
            r.Number(s, "risk_aversion", d.RiskAversion, 1, 10), r.Number(s, "patience", d.Patience, 0.5, 1),
            r.Number(s, "hysteresis", d.Hysteresis, 0, 0.5)) { Strategy = r.Text(s, "strategy") };
    }

    /// <summary>mineral → stage → country → value tables (production, capacity, consumption).</summary>
    private static void ReadStageTable(NodeReader r, YamlMappingNode root, string key, WorldDefinition w, double[][] into,
        double scale, double min, double max)
    {
        if (r.Map(root, key) is not { } table) return;
        foreach (var (mk, mv) in table.Children)
        {
            var m = Mineral(r, mk, w);
            if (mv is not YamlMappingNode byStage) { r.Error(mv, $"{key}: expected stage: {{country: value}}"); continue; }
            foreach (var (sk, sv) in byStage.Children)
            {
                var stage = StageOf(r, sk);
                if (sv is not YamlMappingNode byCountry) { r.Error(sv, $"{key}: expected country: value"); continue; }
                foreach (var (ck, cv) in byCountry.Children)
                {
                    var i = Country(r, ck, w);
                    var x = r.Number(cv, $"{key} of {(ck as YamlScalarNode)?.Value}", 0, min, max);
                    if (m >= 0 && i >= 0 && stage is { } s) into[i][new MarketId(m, s).Index] = x * scale;
                }
            }
        }
    }

    private static List<TariffRule> ReadTariffs(NodeReader r, YamlMappingNode root, WorldDefinition w)
    {
        var rules = new List<TariffRule>();
        foreach (var item in r.Items(r.List(root, "tariffs")))
        {
            if (item is not YamlMappingNode t) { r.Error(item, "each tariff must be a mapping"); continue; }
            r.CheckKeys(t, "importer", "exporter", "mineral", "stage", "rate");
            var importer = r.Get(t, "importer") is { } im ? Country(r, im, w) : Bad(r, t, "tariff: missing 'importer'", -1);
            int? exporter = r.Get(t, "exporter") is { } ex ? Country(r, ex, w) : null;
            int? mineral = r.Get(t, "mineral") is { } mn ? Mineral(r, mn, w) : null;
            var stage = r.Get(t, "stage") is { } st ? StageOf(r, st) : null;
            var rate = r.Number(t, "rate", 0, 0, 10, required: true);
            if (importer >= 0 && exporter is not -1 && mineral is not -1) rules.Add(new TariffRule(importer, exporter, mineral, stage, rate));
        }
        return rules;
    }
}
