using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

/// <summary>
/// The `negotiation:` section (MODEL.md §3) and the strategy each country names in its stance. Strategy assemblies are
/// paths relative to the file that lists them; every name is checked against the built-ins and those assemblies.
/// </summary>
public static partial class ScenarioLoader
{
    private static NegotiationSettings? ReadNegotiation(NodeReader r, YamlMappingNode root)
    {
        var section = r.Map(root, L.Root.Negotiation);
        var d = new NegotiationSettings();
        var assemblies = new List<string>();
        var catalog = StrategyCatalog.Default;
        if (section is not null)
        {
            r.CheckKeys(section, L.NegotiationSection.Shape);
            foreach (var item in r.Items(r.List(section, L.NegotiationSection.StrategyAssemblies)))
            {
                if (item is not YamlScalarNode { Value: { Length: > 0 } path }) { r.Error(item, "each strategy assembly must be a path to a .dll"); continue; }
                var full = r.PathBeside(item, path);
                if (!File.Exists(full)) { r.Error(item, $"strategy assembly '{path}' not found (looked for {full}); build it first, e.g. dotnet build -c Release"); continue; }
                assemblies.Add(full);
            }
            try
            {
                catalog = StrategyCatalog.Load(assemblies);
            }
            catch (StrategyException e)
            {
                r.Error(r.Get(section, L.NegotiationSection.StrategyAssemblies), e.Message);
            }
        }
        CheckStrategyNames(r, root, catalog);
        if (section is null) return null;
        return d with
        {
            StepsPerRound = r.Integer(section, L.NegotiationSection.StepsPerRound),
            MaxRounds = r.Integer(section, L.NegotiationSection.MaxRounds),
            SessionsPerRound = r.Integer(section, L.NegotiationSection.SessionsPerRound),
            SessionsPerCountry = r.Integer(section, L.NegotiationSection.SessionsPerCountry),
            ForceMajeure = r.Number(section, L.NegotiationSection.ForceMajeure),
            DependenceThreshold = r.Number(section, L.NegotiationSection.DependenceThreshold),
            StrategyAssemblies = assemblies,
        };
    }

    /// <summary>An unknown strategy in a stance is an error at its position that lists the strategies there are.</summary>
    private static void CheckStrategyNames(NodeReader r, YamlMappingNode root, StrategyCatalog catalog)
    {
        if (r.Get(root, L.Root.Countries) is not YamlSequenceNode countries) return;
        foreach (var country in countries.Children.OfType<YamlMappingNode>())
        {
            if (r.Get(country, L.Country.Stance) is not YamlMappingNode stance || r.Get(stance, L.CountryStance.Strategy) is not YamlScalarNode { Value: { } name } node) continue;
            if (!catalog.Contains(name)) r.Error(node, catalog.UnknownMessage(name));
        }
    }
}
