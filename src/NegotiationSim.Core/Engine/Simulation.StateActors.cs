using NegotiationSim.Core.Country;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>The rule-based state actors of MODEL.md §4.4: the bloc leader's floor reviews and China's flooding rule.</summary>
public sealed partial class Simulation
{
    private readonly Dictionary<int, List<double>> _priceHistory = [];
    private readonly Dictionary<int, double> _nonChinaCapacityAtReview = [];

    /// <summary>Horizon of the average price a floor must not fall below: five years of monthly rounds.</summary>
    private const int FloorHorizon = 60;

    /// <summary>
    /// Every R_policy rounds the bloc leader resets each floor to max(the scenario's reference price — the incentive
    /// price of the marginal member producer —, the average world price over the horizon × (1 − band)). A floor only rises
    /// above the scenario's level when prices have been high for long.
    /// </summary>
    private void ReviewFloors(int round, IReadOnlyList<MineralResult> results, List<RunEvent> events)
    {
        if (_scenario.Bloc is not { } bloc) return;
        foreach (var floor in bloc.Floors)
        {
            var market = new MarketId(floor.Mineral, floor.Stage);
            var st = results[floor.Mineral].Stages[(int)floor.Stage];
            var output = st.Output.Sum();
            if (output <= 0) continue;
            var history = _priceHistory.TryGetValue(market.Index, out var h) ? h : _priceHistory[market.Index] = [];
            history.Add(st.Output.Select((y, i) => y * st.Price[i]).Sum() / output);
            if (history.Count > FloorHorizon) history.RemoveAt(0);
            if (round % Math.Max(1, _scenario.Settings.FloorReviewRounds) != 0) continue;
            var average = history.Average();
            var next = Math.Max(floor.Price, average * (1 - _scenario.Settings.FloorBand));
            if (Math.Abs(next - _floors[market.Index]) <= 1e-9 * next) continue;
            events.Add(Row(round, "floor-review", _us, floor.Mineral, floor.Stage, next,
                $"reference price set to {next:N0} $/t: max(incentive price {floor.Price:N0}, {history.Count}-round average {average:N0} less {_scenario.Settings.FloorBand:P0})"));
            _floors[market.Index] = next;
        }
    }

    /// <summary>
    /// Every twelve rounds China compares non-China refining capacity with a year before; where it grows faster than
    /// the trigger, China subsidises its refined exports for a while to push the new entrants out (§4.4, §5.2).
    /// </summary>
    private void ChinaFloods(int round, IReadOnlyList<CountrySnapshot> settled, List<RunEvent> events)
    {
        if (_china < 0 || round % 12 != 0) return;
        for (var m = 0; m < _world.Minerals.Count; m++)
        {
            var market = new MarketId(m, Stage.Refined).Index;
            var outside = settled.Where(s => s.Country != _china).Sum(s => s.Capacity[market]);
            if (_nonChinaCapacityAtReview.TryGetValue(market, out var before) && before > 0)
            {
                var growth = outside / before - 1;
                if (growth > _scenario.Settings.FloodTrigger && !_floods.Any(f => f.Flood.Mineral == m && f.Until >= round))
                {
                    _floods.Add((new ActiveFlood(_china, m, Stage.Refined, _scenario.Settings.FloodSubsidy), round + _scenario.Settings.FloodRounds));
                    events.Add(Row(round, "flood", _china, m, Stage.Refined, _scenario.Settings.FloodSubsidy,
                        $"non-China refining capacity grew {growth:P1} in a year (> {_scenario.Settings.FloodTrigger:P0}): China subsidises refined exports by {_scenario.Settings.FloodSubsidy:P0} for {Plural.Of(_scenario.Settings.FloodRounds, "round")}"));
                }
            }
            _nonChinaCapacityAtReview[market] = outside;
        }
    }
}
