using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

/// <summary>The world's tables (mineral → stage → country → figure) and the checks across their figures.</summary>
public static partial class ScenarioLoader
{
    private static Language.NumberValue ReserveUnit =>
        (Language.NumberValue)((Language.TableValue)((Language.TableValue)L.Root.Reserves.Value).Entry).Entry;

    /// <summary>Where a table's figures were written: the stage mapping of each market, the value of each cell.</summary>
    private sealed record TableNodes(Dictionary<int, YamlNode> Markets, Dictionary<(int Country, int Market), YamlNode> Cells);

    /// <summary>
    /// mineral → stage → country → value tables (production, capacity, consumption). Returns where each market and
    /// cell was written, so later checks can point at it.
    /// </summary>
    private static TableNodes ReadStageTable(NodeReader r, YamlMappingNode root, Language.Key key, WorldDefinition w,
        double[][] into, double scale)
    {
        var unit = (Language.NumberValue)((Language.TableValue)((Language.TableValue)((Language.TableValue)key.Value).Entry).Entry).Entry;
        var nodes = new TableNodes([], []);
        if (r.Map(root, key) is not { } table) return nodes;
        foreach (var (mk, mv) in table.Children)
        {
            var m = Mineral(r, mk, w);
            if (mv is not YamlMappingNode byStage) { r.Error(mv, $"{key.Name}: expected stage: {{country: value}}"); continue; }
            foreach (var (sk, sv) in byStage.Children)
            {
                var stage = StageOf(r, sk);
                if (sv is not YamlMappingNode byCountry) { r.Error(sv, $"{key.Name}: expected country: value"); continue; }
                if (m >= 0 && stage is { } st) nodes.Markets[new MarketId(m, st).Index] = sv;
                foreach (var (ck, cv) in byCountry.Children)
                {
                    var i = Country(r, ck, w);
                    var before = r.Errors.Count;
                    var x = r.Number(cv, $"{key.Name} of {(ck as YamlScalarNode)?.Value}", 0, unit.Min, unit.Max, unit.Unit);
                    if (m < 0 || i < 0 || stage is not { } s || r.Errors.Count > before) continue;
                    into[i][new MarketId(m, s).Index] = x * scale;
                    nodes.Cells[(i, new MarketId(m, s).Index)] = cv;
                }
            }
        }
        return nodes;
    }

    /// <summary>A plant cannot produce more than it can: a capacity that is given must cover the production.</summary>
    private static void CheckCapacityCoversOutput(NodeReader r, WorldDefinition w, double[][] production, double[][] capacity,
        Dictionary<(int Country, int Market), YamlNode> cells)
    {
        foreach (var ((i, k), node) in cells.OrderBy(c => c.Key))
        {
            if (capacity[i][k] >= production[i][k]) continue;
            var perYear = (double x) => (x * 12).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            r.Error(node, $"capacity of {w.Countries[i].Id} for {w.Minerals[k / Stages.Count].Id} at stage {Stages.Name((Stage)(k % Stages.Count))} " +
                $"is {perYear(capacity[i][k])} t/yr, below its production of {perYear(production[i][k])} t/yr");
        }
    }

    /// <summary>Consumption shares of one market are shares of world use: given at all, they must add up to 1.</summary>
    private static void CheckSharesAddUp(NodeReader r, WorldDefinition w, double[][] shares, Dictionary<int, YamlNode> nodes)
    {
        const double tolerance = 0.01;
        foreach (var (k, node) in nodes.OrderBy(x => x.Key))
        {
            var sum = 0.0;
            for (var i = 0; i < shares.Length; i++) sum += shares[i][k];
            if (sum == 0 || Math.Abs(sum - 1) <= tolerance) continue;
            r.Error(node, $"consumption shares of {w.Minerals[k / Stages.Count].Id} at stage {Stages.Name((Stage)(k % Stages.Count))} add up to " +
                $"{sum.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}, not 1 (±{tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)}): each is a share of world use (0.3 = 30%)");
        }
    }
}
