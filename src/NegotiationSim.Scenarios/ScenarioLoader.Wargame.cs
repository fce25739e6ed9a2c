using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

/// <summary>The `wargame:` section: pacing and information rules of a classroom game.</summary>
public static partial class ScenarioLoader
{
    private static ClassroomSettings? ReadClassroom(NodeReader r, YamlMappingNode root, int rounds, WorldDefinition? world)
    {
        if (r.Map(root, L.Root.Wargame) is not { } m) return null;
        r.CheckKeys(m, L.WargameSection.Shape);
        var d = new ClassroomSettings();
        var onTimeout = r.Text(m, L.WargameSection.OnTimeout) ?? "computer";
        if (onTimeout is not ("computer" or "no_move")) r.Error(r.Get(m, L.WargameSection.OnTimeout), "on_timeout must be computer (the country's strategy plays) or no_move");
        int? played = r.Get(m, L.WargameSection.Rounds) is null ? null : r.Integer(m, L.WargameSection.Rounds, Math.Max(1, rounds - 1));
        if (played > rounds - 1) r.Error(r.Get(m, L.WargameSection.Rounds), $"a class plays at most {Plural.Of(Math.Max(1, rounds - 1), "round")} here (the scenario's rounds − 1: round r's decisions shape simulated round r + 1)");
        return new ClassroomSettings(r.Integer(m, L.WargameSection.RoundSeconds), onTimeout == "computer", played, ReadInformation(r, m, world));
    }
}
