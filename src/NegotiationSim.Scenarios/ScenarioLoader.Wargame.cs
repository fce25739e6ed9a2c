using NegotiationSim.Core.Policy;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>The `wargame:` section: pacing and information rules of a classroom game.</summary>
public static partial class ScenarioLoader
{
    private static ClassroomSettings? ReadClassroom(NodeReader r, YamlMappingNode root, int rounds)
    {
        if (r.Map(root, "wargame") is not { } m) return null;
        r.CheckKeys(m, "round_seconds", "on_timeout", "rounds", "teams_see");
        var d = new ClassroomSettings();
        var onTimeout = r.Text(m, "on_timeout") ?? "computer";
        if (onTimeout is not ("computer" or "no_move")) r.Error(r.Get(m, "on_timeout"), "on_timeout must be computer (the country's strategy plays) or no_move");
        var sees = r.Text(m, "teams_see") ?? "own";
        if (sees is not ("own" or "all")) r.Error(r.Get(m, "teams_see"), "teams_see must be own (their country's rows) or all (every country's)");
        int? played = r.Get(m, "rounds") is null ? null : r.Integer(m, "rounds", rounds - 1, 1, Math.Max(1, rounds - 1));
        return new ClassroomSettings(r.Integer(m, "round_seconds", d.RoundSeconds, 10, 86400), onTimeout == "computer", played, sees == "all");
    }
}
