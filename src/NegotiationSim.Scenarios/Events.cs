using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>Reads one scheduled event's body.</summary>
internal static class Events
{
    public static ScheduledEvent? Read(NodeReader r, string kind, YamlMappingNode b, int round, WorldDefinition w)
    {
        int C(string key) => r.Get(b, key) is { } n ? ScenarioLoader.Country(r, n, w) : Missing(r, b, kind, key);
        int M(string key) => r.Get(b, key) is { } n ? ScenarioLoader.Mineral(r, n, w) : Missing(r, b, kind, key);
        Stage S(string key) => r.Get(b, key) is { } n && ScenarioLoader.StageOf(r, n) is { } s ? s : Stage.Refined;
        List<Stage> StageList() => r.Items(r.List(b, "stages", required: true)).Select(n => ScenarioLoader.StageOf(r, n)).OfType<Stage>().ToList();
        List<int> CountryList(string key) => r.Items(r.List(b, key)).Select(n => ScenarioLoader.Country(r, n, w)).Where(i => i >= 0).ToList();
        switch (kind)
        {
            case "section232":
            {
                r.CheckKeys(b, "targets", "stages", "rate", "credibility", "deadline");
                var auto = r.Get(b, "targets") is YamlScalarNode { Value: "auto" };
                var deadline = r.Integer(b, "deadline", round + 6, round, int.MaxValue, required: true);
                return new Section232Threat(round, auto ? null : CountryList("targets"), StageList(),
                    r.Number(b, "rate", 0.25, 0, 5), r.Number(b, "credibility", 0.5, 0, 1), deadline);
            }
            case "export_control":
            {
                r.CheckKeys(b, "id", "exporter", "mineral", "stages", "targets", "kind", "effective", "licence_delay", "approval_ramp",
                    "quota", "leakage", "leak_cost", "enforcement_decay", "hubs");
                var targetsNode = r.Get(b, "targets");
                var targets = targetsNode switch
                {
                    YamlScalarNode { Value: "all" } or null => TargetSet.Everyone,
                    YamlScalarNode { Value: "bloc" } => new TargetSet(false, true, []),
                    YamlSequenceNode => new TargetSet(false, false, CountryList("targets")),
                    _ => ScenarioLoader.Bad(r, targetsNode, "targets must be all, bloc or a list of countries", TargetSet.Everyone),
                };
                var controlKind = r.Text(b, "kind", required: true) switch
                {
                    "ban" => ControlKind.Ban,
                    "licence" or "license" => ControlKind.Licence,
                    "quota" => ControlKind.Quota,
                    var o => ScenarioLoader.Bad(r, r.Get(b, "kind"), $"unknown kind '{o}'; use ban, licence or quota", ControlKind.Ban),
                };
                return new ExportControl(round, r.Text(b, "id", required: true) ?? "control", C("exporter"), M("mineral"), StageList(),
                    targets, controlKind, r.Integer(b, "effective", round, round, int.MaxValue), r.Integer(b, "licence_delay", 2, 0, 24),
                    r.Number(b, "approval_ramp", 0.15, 0, 1), r.Number(b, "quota", 0.5, 0, 1), r.Number(b, "leakage", 0.15, 0, 1),
                    r.Number(b, "leak_cost", 0.2, 0, 2), r.Number(b, "enforcement_decay", 0.05, 0, 1), CountryList("hubs"));
            }
            case "suspend_control":
                r.CheckKeys(b, "id");
                return new ControlSuspension(round, r.Text(b, "id", required: true) ?? "");
            case "disruption":
                r.CheckKeys(b, "country", "mineral", "stage", "severity", "duration");
                return new Disruption(round, C("country"), M("mineral"), S("stage"), r.Number(b, "severity", 0.5, 0, 1), r.Integer(b, "duration", 4, 1, 240));
            case "flood":
                r.CheckKeys(b, "exporter", "mineral", "stage", "subsidy", "duration");
                return new Flood(round, C("exporter"), M("mineral"), S("stage"), r.Number(b, "subsidy", 0.2, 0, 0.9), r.Integer(b, "duration", 12, 1, 240));
            case "stockpile":
                r.CheckKeys(b, "country", "budget", "minerals", "buy_rate", "release_rate", "release_trigger", "buy_below");
                return new StockpileProgramme(round, C("country"), r.Number(b, "budget", 0, 0, 1e13, required: true),
                    r.Items(r.List(b, "minerals", required: true)).Select(n => ScenarioLoader.Mineral(r, n, w)).Where(m => m >= 0).ToList(),
                    r.Number(b, "buy_rate", 0.05, 0, 1), r.Number(b, "release_rate", 0.15, 0, 1), r.Number(b, "release_trigger", 0.5, 0, 10),
                    r.Get(b, "buy_below") is null ? double.NaN : r.Number(b, "buy_below", 1, 0.01, 100));
            case "finance":
                return FinanceEvents.Read(r, b, round, w);
            default:
                r.CheckKeys(b, "country");
                return new MembershipMove(round, C("country"), kind == "join");
        }
    }

    private static int Missing(NodeReader r, YamlMappingNode b, string kind, string key)
    {
        r.Error(b, $"{kind}: missing '{key}'");
        return -1;
    }

}
