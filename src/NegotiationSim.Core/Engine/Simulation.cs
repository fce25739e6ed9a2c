using NegotiationSim.Core.Country;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.Reports;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// The coordinator: runs a round's phases in a fixed order (DESIGN.md) against a host that holds the countries and
/// markets. Within a phase every answer depends only on the state at the phase's start; changes apply at its end,
/// in country order. A SimulationGrain runs one of these with grain-backed hosts; the reference engine with plain objects.
/// </summary>
public sealed partial class Simulation
{
    private readonly Scenario _scenario;
    private readonly WorldDefinition _world;
    private readonly IRunHost _host;
    private readonly bool[] _members;
    /// <summary>Countries whose membership began this round: a team among them had no vote when this round's ballots were cast.</summary>
    private readonly HashSet<int> _joinedThisRound = [];
    private readonly int[] _joinAt;
    private readonly int[] _leaveAt;
    private readonly int[] _appliedAt;
    private readonly ThreatBook _threats = new();
    private readonly ControlBook _controls = new();
    private readonly List<(ActiveFlood Flood, int Until)> _floods = [];
    private readonly double[] _floors;
    private readonly int _us;
    private readonly int _china;
    private IReadOnlyList<MineralResult>? _last;

    public Simulation(Scenario scenario, IRunHost host)
    {
        _scenario = scenario;
        _world = scenario.World;
        _host = host;
        var n = _world.CountryCount;
        _members = new bool[n];
        _joinAt = Enumerable.Repeat(-1, n).ToArray();
        _leaveAt = Enumerable.Repeat(-1, n).ToArray();
        _appliedAt = Enumerable.Repeat(-1, n).ToArray();
        _floors = Enumerable.Repeat(double.NaN, _world.MarketCount).ToArray();
        if (scenario.Bloc is { } bloc)
        {
            foreach (var f in bloc.Founders) _members[f] = true;
            foreach (var f in bloc.Floors) _floors[new MarketId(f.Mineral, f.Stage).Index] = f.Price;
        }
        _us = _world.IndexOfRole(CountryRole.BlocLeader);
        _china = _world.IndexOfRole(CountryRole.China);
        _catalog = LoadCatalog(scenario);
    }

    public async Task<RoundReport> RunRoundAsync(int round)
    {
        var events = new List<RunEvent>();
        var deals = new List<DealRow>();
        await TakeTeamAnswersAsync(round, events, deals);
        var disruptions = ApplyScheduled(round, events);
        await StartStockpilesAsync(round, events);
        ApplyMembershipChanges(round, events);
        CommitFinance(round, events);
        ResolveDeadlines(round, events);
        ApplyForceMajeure(round, events, deals);

        // 1. events: each country's exogenous dynamics and its offer to the markets.
        var growth = _world.Minerals.Select(m => Math.Pow(1 + m.DemandGrowthPerYear, round / 12.0)).ToArray();
        var inputs = Enumerable.Range(0, _world.CountryCount).Select(i => new ExogenousInput(round, _scenario.Seed,
            disruptions.Where(d => d.Country == i).Select(d => (d.Market, d.Severity, d.Duration)).ToArray(),
            _controls.Announced(round, i, _members[i], _world.MarketCount), LastIndex(i), _floors, growth, FinancedFor(i))).ToArray();
        var offers = await _host.ExogenousAsync(inputs);
        foreach (var o in offers) events.AddRange(o.Events.Select(e => CountryEventRow(round, o.Country, e)));

        // 2. market: clear every mineral (independent, so a host may run them in parallel).
        var policy = new PolicyState(round, (bool[])_members.Clone(), (double[])_floors.Clone(), _scenario.Bloc?.FloorMode ?? FloorMode.BorderOnly,
            _scenario.Bloc?.LevyTiming ?? LevyTiming.Lagged, _scenario.Bloc?.LevyAdjustment ?? 0.5,
            _threats.Duties.ToArray(), _controls.InForce(round, _members).ToArray(),
            _floods.Where(f => f.Until >= round).Select(f => f.Flood).ToArray(), growth);
        policy = WithDeals(policy, round);
        var cleared = await _host.ClearAsync(Enumerable.Range(0, _world.Minerals.Count)
            .Select(m => MineralInput(m, policy, offers)).ToArray());
        var results = SettleContracts(round, cleared, deals);
        _last = results;

        // 3. policy: bloc membership by sequential best response with hysteresis and notice (§4.2).
        var stability = _scenario.Bloc is null ? new StabilityReport(true, true, [], []) : await DecideMembershipAsync(round, results, events);

        // 4. negotiate: bilateral sessions on this round's equilibrium; agreements take effect next round (§3.1).
        await SignScheduledDealsAsync(round, results, events, deals);
        var sessions = await NegotiateAsync(round, results, events, deals);

        // 5. invest: countries settle stocks, exits, restarts and investment.
        var settled = await _host.SettleAsync(Enumerable.Range(0, _world.CountryCount)
            .Select(i => CountryResult(round, i, results)).ToArray());
        foreach (var s in settled) events.AddRange(s.Events.Select(e => CountryEventRow(round, s.Country, e)));
        ReviewFloors(round, results, events);
        ChinaFloods(round, settled, events);

        // 6. report.
        return RoundReports.Build(_world, round, Month(round), _members, results, events, stability) with
        {
            Deals = deals, Sessions = sessions, Controls = [.. _controls.Standing(round, _members, _world)],
        };
    }

    public string Month(int round) => _scenario.MonthOf(round);

    private double[] LastIndex(int country)
    {
        var index = Enumerable.Repeat(1.0, _world.MarketCount).ToArray();
        if (_last is null) return index;
        foreach (var r in _last)
            for (var s = 0; s < Stages.Count; s++) index[r.Mineral * Stages.Count + s] = r.Stages[s].PriceIndex[country];
        return index;
    }

    private MineralRoundInput MineralInput(int m, PolicyState policy, IReadOnlyList<CountryOffer> offers)
    {
        double[][] Pick(Func<CountryOffer, double[]> f) =>
            Enumerable.Range(0, Stages.Count).Select(s => offers.Select(o => f(o)[m * Stages.Count + s]).ToArray()).ToArray();
        InventoryPlan Plan(int s) => new(
            offers.Select(o => o.Inventory.Gap[m * Stages.Count + s]).ToArray(),
            offers.Select(o => o.Inventory.AverageUse[m * Stages.Count + s]).ToArray(),
            offers.Select(o => o.Inventory.AverageIndex[m * Stages.Count + s]).ToArray(),
            offers.Select(o => o.Inventory.Level[m * Stages.Count + s]).ToArray(),
            offers.Count > 0 ? offers[0].Inventory.Response : 0);
        return new MineralRoundInput(policy, Pick(o => o.Capacity), Pick(o => o.UncappedBase), Pick(o => o.SpotAdjust),
            Enumerable.Range(0, Stages.Count).Select(Plan).ToArray());
    }

    private CountryMarketResult CountryResult(int round, int i, IReadOnlyList<MineralResult> results)
    {
        var k = _world.MarketCount;
        double[] Gather(Func<StageResult, double[]> f)
        {
            var a = new double[k];
            foreach (var r in results)
                for (var s = 0; s < Stages.Count; s++) a[r.Mineral * Stages.Count + s] = f(r.Stages[s])[i];
            return a;
        }
        var own = new bool[k];
        foreach (var c in _controls.InForce(round, _members).Where(c => c.Exporter == i))
            foreach (var s in Stages.All.Where(c.Stages.Contains)) own[new MarketId(c.Mineral, s).Index] = true;
        return new CountryMarketResult(round, _scenario.Seed, Gather(r => r.Price), Gather(r => r.ValueAdded), Gather(r => r.Output),
            Gather(r => r.Use), Gather(r => r.PriceIndex), Gather(r => r.InventoryChange), _members[i], _floors, own);
    }

    private RunEvent CountryEventRow(int round, int country, CountryEvent e) =>
        new(round, e.Kind, _world.Countries[country].Id, _world.Minerals[e.Market / Stages.Count].Id,
            Stages.Name((Stage)(e.Market % Stages.Count)), e.Value, e.Reason);
}
