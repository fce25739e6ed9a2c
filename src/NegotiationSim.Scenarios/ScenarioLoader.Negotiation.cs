using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// The `negotiation:` section (MODEL.md §3) and the strategy each country names in its stance. Strategy assemblies are
/// paths relative to the file that lists them; every name is checked against the built-ins and those assemblies.
/// </summary>
public static partial class ScenarioLoader
{
    private static NegotiationSettings? ReadNegotiation(NodeReader r, YamlMappingNode root)
    {
        var section = r.Map(root, "negotiation");
        var d = new NegotiationSettings();
        var assemblies = new List<string>();
        var catalog = StrategyCatalog.Default;
        if (section is not null)
        {
            r.CheckKeys(section, "steps_per_round", "max_rounds", "sessions_per_round", "sessions_per_country", "force_majeure",
                "dependence_threshold", "strategy_assemblies");
            foreach (var item in r.Items(r.List(section, "strategy_assemblies")))
            {
                if (item is not YamlScalarNode { Value: { Length: > 0 } path }) { r.Error(item, "each strategy assembly must be a path to a .dll"); continue; }
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(r.FileOf(item))) ?? ".", path));
                if (!File.Exists(full)) { r.Error(item, $"strategy assembly '{path}' not found (looked for {full}); build it first, e.g. dotnet build -c Release"); continue; }
                assemblies.Add(full);
            }
            try
            {
                catalog = StrategyCatalog.Load(assemblies);
            }
            catch (StrategyException e)
            {
                r.Error(r.Get(section, "strategy_assemblies"), e.Message);
            }
        }
        CheckStrategyNames(r, root, catalog);
        if (section is null) return null;
        return d with
        {
            StepsPerRound = r.Integer(section, "steps_per_round", d.StepsPerRound, 1, 200),
            MaxRounds = r.Integer(section, "max_rounds", d.MaxRounds, 1, 60),
            SessionsPerRound = r.Integer(section, "sessions_per_round", d.SessionsPerRound, 0, 200),
            SessionsPerCountry = r.Integer(section, "sessions_per_country", d.SessionsPerCountry, 1, 50),
            ForceMajeure = r.Number(section, "force_majeure", d.ForceMajeure, 0, 1),
            DependenceThreshold = r.Number(section, "dependence_threshold", d.DependenceThreshold, 0, 1),
            StrategyAssemblies = assemblies,
        };
    }

    /// <summary>An unknown strategy in a stance is an error at its position that lists the strategies there are.</summary>
    private static void CheckStrategyNames(NodeReader r, YamlMappingNode root, StrategyCatalog catalog)
    {
        if (r.Get(root, "countries") is not YamlSequenceNode countries) return;
        foreach (var country in countries.Children.OfType<YamlMappingNode>())
        {
            if (r.Get(country, "stance") is not YamlMappingNode stance || r.Get(stance, "strategy") is not YamlScalarNode { Value: { } name } node) continue;
            if (!catalog.Contains(name)) r.Error(node, catalog.UnknownMessage(name));
        }
    }
}
