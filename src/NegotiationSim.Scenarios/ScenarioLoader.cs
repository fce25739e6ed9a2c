using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Loads a scenario file (with its `extends:` chain) into a validated, immutable <see cref="Scenario"/>.
/// Every problem is reported at once with file, line and column; nothing is half-built.
/// </summary>
public static partial class ScenarioLoader
{
    public static Scenario Load(string path) =>
        TryLoad(path, out var scenario, out var errors) ? scenario! : throw new ScenarioException(errors);

    public static bool TryLoad(string path, out Scenario? scenario, out IReadOnlyList<ScenarioError> errors)
    {
        scenario = null;
        var found = new List<ScenarioError>();
        var origins = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var root = YamlDocument.Read(path, found, origins);
        if (root is null) { errors = found; return false; }
        var r = new NodeReader(origins, path);
        r.Errors.AddRange(found);
        r.CheckKeys(root, "name", "question", "seed", "rounds", "start_month", "minerals", "countries", "production",
            "capacity", "consumption", "reserves", "tariffs", "bloc", "events", "settings", "negotiation", "wargame");
        var world = ReadWorld(r, root);
        var bloc = world is null ? null : ReadBloc(r, root, world);
        var rounds = r.Integer(root, "rounds", 36, 1, 1200);
        var events = world is null ? [] : ReadEvents(r, root, world, rounds);
        var settings = ReadSettings(r, root);
        var negotiation = ReadNegotiation(r, root);
        var classroom = ReadClassroom(r, root, rounds);
        var seed = (long)r.Number(root, "seed", 1, 0, 9e15);
        var name = r.Text(root, "name") ?? Path.GetFileNameWithoutExtension(path);
        var question = r.Text(root, "question") ?? "";
        var start = r.Text(root, "start_month") ?? "2026-01";
        if (!DateOnly.TryParseExact(start + "-01", "yyyy-MM-dd", out _)) r.Error(r.Get(root, "start_month"), "start_month must look like 2026-02");
        errors = r.Errors;
        if (errors.Count > 0 || world is null) return false;
        scenario = new Scenario(name, question, world, bloc, events, settings, seed, rounds, start) { Negotiation = negotiation, Classroom = classroom };
        return true;
    }

    private static ModelSettings ReadSettings(NodeReader r, YamlMappingNode root)
    {
        var s = new ModelSettings();
        if (r.Map(root, "settings") is not { } m) return s;
        r.CheckKeys(m, "disruption_hazard", "disruption_severity", "exit_rounds", "restart_rounds", "china_retaliation", "inventory_months", "anticipation_factor");
        return s with
        {
            DisruptionHazard = r.Number(m, "disruption_hazard", s.DisruptionHazard, 0, 1),
            DisruptionSeverity = r.Number(m, "disruption_severity", s.DisruptionSeverity, 0, 1),
            ExitRounds = r.Integer(m, "exit_rounds", s.ExitRounds, 1, 120),
            RestartRounds = r.Integer(m, "restart_rounds", s.RestartRounds, 1, 120),
            ChinaRetaliation = r.Number(m, "china_retaliation", s.ChinaRetaliation, 0, 1),
            InventoryMonths = r.Number(m, "inventory_months", s.InventoryMonths, 0, 24),
            AnticipationFactor = r.Number(m, "anticipation_factor", s.AnticipationFactor, 0, 10),
        };
    }

    internal static int Country(NodeReader r, YamlNode node, WorldDefinition world)
    {
        var id = (node as YamlScalarNode)?.Value ?? "";
        var i = world.CountryIndex(id);
        if (i < 0) r.Error(node, UnknownHint("country", id, world.Countries.Select(c => c.Id)));
        return i;
    }

    internal static int Mineral(NodeReader r, YamlNode node, WorldDefinition world)
    {
        var id = (node as YamlScalarNode)?.Value ?? "";
        var m = world.MineralIndex(id);
        if (m < 0) r.Error(node, UnknownHint("mineral", id, world.Minerals.Select(x => x.Id)));
        return m;
    }

    internal static Stage? StageOf(NodeReader r, YamlNode node)
    {
        var text = (node as YamlScalarNode)?.Value ?? "";
        if (Stages.TryParse(text, out var s)) return s;
        r.Error(node, $"unknown stage '{text}'; stages are ore, refined, product");
        return null;
    }

    internal static string UnknownHint(string what, string id, IEnumerable<string> known)
    {
        var best = known.OrderBy(k => NodeReader.Distance(k, id)).FirstOrDefault();
        return best is not null && NodeReader.Distance(best, id) <= Math.Max(2, id.Length / 3)
            ? $"unknown {what} '{id}' (did you mean '{best}'?)"
            : $"unknown {what} '{id}'";
    }
}
