using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.World;

namespace NegotiationSim.Bench;

/// <summary>
/// A synthetic world for scale tests: N countries × M minerals with skewed (Pareto-like) production at each stage,
/// one dominant refiner role for China, a bloc with refined floors, a licence and a Section 232 threat. Every draw
/// comes from the seeded stream, so the same arguments give the same world.
/// </summary>
public static class SyntheticWorld
{
    public static Scenario Build(int countries, int minerals, int rounds, long seed)
    {
        var defs = Enumerable.Range(0, countries).Select(i => new CountryDefinition($"C{i:D3}", $"Country {i}",
            i == 0 ? CountryRole.China : i == 1 ? CountryRole.BlocLeader : CountryRole.Country,
            Stance.Neutral with { Alignment = i == 0 ? -1 : 0.5 }, 0.7)).ToArray();
        var mineralDefs = Enumerable.Range(0, minerals).Select(m => new MineralDefinition($"m{m:D2}", $"Mineral {m}",
        [
            new StageParameters(1000 * (m + 1), 0.6, 3, -0.1, 0.15, 0.0, 0.08),
            new StageParameters(3000 * (m + 1), 0.6, 10, -0.1, 0.15, 0.3, 0.02),
            new StageParameters(9000 * (m + 1), 0.6, 4, -0.2, 0.15, 1.0, 0.05),
        ], 0.05)).ToArray();
        var k = minerals * Stages.Count;
        var production = Grid(countries, k);
        var capacity = Grid(countries, k);
        var consumption = Grid(countries, k);
        var reserves = Grid(countries, minerals);
        var draws = new DrawStream(seed, 0, Phase.Events, 0);
        for (var m = 0; m < minerals; m++)
        {
            for (var s = 0; s < Stages.Count; s++)
            {
                var market = m * Stages.Count + s;
                for (var i = 0; i < countries; i++)
                {
                    // Pareto-like: a few large producers, many small or none; China dominant in refining.
                    var u = draws.NextDouble();
                    var size = u < 0.4 ? 0 : Math.Pow(1 - u, -1.5);
                    if (i == 0) size *= s == 1 ? 40 : 5;
                    production[i][market] = size * 100 / 12;
                    consumption[i][market] = 0.1 + draws.NextDouble();
                }
                if (production.All(row => row[market] == 0)) production[1][market] = 100 / 12.0;
            }
        }
        // Balance the chain: each stage's world output equals the next stage's world output (input ratio 1).
        for (var m = 0; m < minerals; m++)
        {
            for (var s = 0; s < Stages.Count - 1; s++)
            {
                var here = production.Sum(r => r[m * Stages.Count + s]);
                var next = production.Sum(r => r[m * Stages.Count + s + 1]);
                foreach (var row in production) row[m * Stages.Count + s + 1] *= here / next;
            }
        }
        var world = new WorldDefinition(defs, mineralDefs, production, capacity, consumption, reserves, []);
        var bloc = new BlocRules("bloc", [1, 2, 3], Enumerable.Range(0, minerals).Select(m =>
                new PriceFloor(m, Stage.Refined, 3000 * (m + 1) * 1.15)).ToArray(),
            Core.Market.FloorMode.BorderOnly, Core.Market.LevyTiming.Lagged, 0.5, 1, 3, 0.001, null);
        ScheduledEvent[] events =
        [
            new Section232Threat(1, null, [Stage.Refined, Stage.Product], 0.25, 0.5, Math.Min(rounds, 6)),
            new ExportControl(1, "licence", 0, 0, [Stage.Refined], TargetSet.Everyone, ControlKind.Licence,
                Math.Min(rounds, 2), 2, 0.15, 0, 0.15, 0.2, 0.05, []),
        ];
        return new Scenario($"synthetic {countries}x{minerals}", "scale test", world, bloc, events, new ModelSettings(), seed, rounds, "2026-01");
    }

    private static double[][] Grid(int rows, int cols) => Enumerable.Range(0, rows).Select(_ => new double[cols]).ToArray();
}
