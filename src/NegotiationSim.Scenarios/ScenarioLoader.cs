using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Loads a scenario file (with its `extends:` chain) into a validated, immutable <see cref="Scenario"/>.
/// Every problem is reported at once with file, line and column; nothing is half-built.
/// </summary>
public static partial class ScenarioLoader
{
    public static Scenario Load(string path) =>
        TryLoad(path, out var scenario, out var errors) ? scenario! : throw new ScenarioException(errors);

    public static bool TryLoad(string path, out Scenario? scenario, out IReadOnlyList<ScenarioError> errors) =>
        TryLoad(path, null, out scenario, out errors);

    /// <summary>Loads <paramref name="text"/> as if it were the file at <paramref name="path"/> (`extends:` is found next to it).</summary>
    public static bool TryLoadText(string path, string text, out Scenario? scenario, out IReadOnlyList<ScenarioError> errors) =>
        TryLoad(path, text, out scenario, out errors);

    private static bool TryLoad(string path, string? text, out Scenario? scenario, out IReadOnlyList<ScenarioError> errors)
    {
        scenario = null;
        var found = new List<ScenarioError>();
        var origins = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var root = YamlDocument.Read(path, found, origins, text: text);
        if (root is null) { errors = found; return false; }
        var r = new NodeReader(origins, path);
        r.Errors.AddRange(found);
        r.CheckKeys(root, L.Root.Shape);
        var world = ReadWorld(r, root);
        var bloc = world is null ? null : ReadBloc(r, root, world);
        var rounds = r.Integer(root, L.Root.RoundCount);
        var events = world is null ? [] : ReadEvents(r, root, world, rounds);
        var settings = ReadSettings(r, root);
        var negotiation = ReadNegotiation(r, root);
        var classroom = ReadClassroom(r, root, rounds, world);
        var outputs = ReadOutputs(r, root);
        var seed = (long)r.Number(root, L.Root.Seed);
        var name = r.Text(root, L.Root.Name) ?? Path.GetFileNameWithoutExtension(path);
        var question = r.Text(root, L.Root.Question) ?? "";
        var start = r.Text(root, L.Root.StartMonth) ?? L.Root.StartMonth.Default!;
        if (!DateOnly.TryParseExact(start + "-01", "yyyy-MM-dd", out _)) r.Error(r.Get(root, L.Root.StartMonth), "start_month must look like 2026-02");
        errors = InReadingOrder(r.Errors);
        if (errors.Count > 0 || world is null) return false;
        scenario = new Scenario(name, question, world, bloc, events, settings, seed, rounds, start) { Negotiation = negotiation, Classroom = classroom, Outputs = outputs };
        return true;
    }

    private static ModelSettings ReadSettings(NodeReader r, YamlMappingNode root)
    {
        var s = new ModelSettings();
        if (r.Map(root, L.Root.Settings) is not { } m) return s;
        r.CheckKeys(m, L.ModelSettings.Shape);
        return s with
        {
            DisruptionHazard = r.Number(m, L.ModelSettings.DisruptionHazard),
            DisruptionSeverity = r.Number(m, L.ModelSettings.DisruptionSeverity),
            ExitRounds = r.Integer(m, L.ModelSettings.ExitRounds),
            ExitFraction = r.Number(m, L.ModelSettings.ExitFraction),
            MarginalCostShare = r.Number(m, L.ModelSettings.MarginalCostShare),
            RestartRounds = r.Integer(m, L.ModelSettings.RestartRounds),
            ChinaRetaliation = r.Number(m, L.ModelSettings.ChinaRetaliation),
            InventoryMonths = r.Number(m, L.ModelSettings.InventoryMonths),
            AnticipationFactor = r.Number(m, L.ModelSettings.AnticipationFactor),
        };
    }

    /// <summary>Errors file by file (in the order the files first appear), each file's from top to bottom.</summary>
    private static List<ScenarioError> InReadingOrder(List<ScenarioError> errors)
    {
        var files = errors.Select(e => e.File).Distinct().ToList();
        return errors.OrderBy(e => files.IndexOf(e.File)).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList();
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
        r.Error(node, $"unknown stage '{text}'; stages are {string.Join(", ", L.StageName.Options)}");
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
