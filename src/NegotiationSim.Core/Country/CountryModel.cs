using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;
using NegotiationSim.Core.World;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Core.Country;

/// <summary>
/// One country's own state and its own decisions: capacity (with disruptions, exits and the investment
/// pipeline), reserves, commercial inventories and a public stockpile (MODEL.md §5.2–5.5). It sees only
/// what the coordinator hands it; it never sees another country's state. A CountryGrain holds one of these.
/// </summary>
public sealed class CountryModel
{
    private readonly int _id;
    private readonly CountryDefinition _definition;
    private readonly ModelSettings _settings;
    private readonly int _markets;
    private readonly double[] _basePrice;
    private readonly double[] _baseValueAdded;
    private readonly double[] _baseCapacity;
    private readonly double[] _baseUncapped;
    private readonly double[] _capacityGrowth;
    private readonly double[] _trendStocking;
    private readonly double[] _capacity;
    private readonly double[] _mothballed;
    private readonly int[] _lossRounds;
    private readonly int[] _recoveryRounds;
    private readonly int[] _disruptedRounds;
    private readonly double[] _disruptionSeverity;
    private readonly List<(int Market, double Added, int Arrival)> _pipeline = [];
    private readonly double[] _expectedPrice;
    private readonly double[] _averageUse;
    private readonly double[] _averageIndex;
    private readonly double[] _inventory;
    private readonly double[] _publicStock;
    private readonly double[] _reserves;
    private readonly double[] _pendingBuy;
    private readonly double[] _pendingRelease;
    private StockpileProgramme? _programme;
    private double _budget;

    public CountryModel(Scenario scenario, CountryBase bases, int id)
    {
        var world = scenario.World;
        _id = id;
        _definition = world.Countries[id];
        _settings = scenario.Settings;
        _markets = world.MarketCount;
        _basePrice = bases.BasePrice;
        _baseValueAdded = bases.BaseValueAdded;
        _baseCapacity = bases.Capacity;
        _baseUncapped = bases.UncappedProduction;
        _capacityGrowth = world.Minerals.Select(m => m.CapacityGrowthPerYear).ToArray();
        _trendStocking = world.Minerals.Select(m => _settings.InventoryMonths * (Math.Pow(1 + m.DemandGrowthPerYear, 1 / 12.0) - 1)).ToArray();
        _capacity = (double[])_baseCapacity.Clone();
        _mothballed = new double[_markets];
        _lossRounds = new int[_markets];
        _recoveryRounds = new int[_markets];
        _disruptedRounds = new int[_markets];
        _disruptionSeverity = new double[_markets];
        _expectedPrice = (double[])_basePrice.Clone();
        _averageUse = (double[])bases.Use.Clone();
        _averageIndex = Enumerable.Repeat(1.0, _markets).ToArray();
        _inventory = _averageUse.Select(u => u * _settings.InventoryMonths).ToArray();
        _publicStock = new double[_markets];
        _reserves = (double[])world.Reserves[id].Clone();
        _pendingBuy = new double[_markets];
        _pendingRelease = new double[_markets];
    }

    public int Id => _id;

    public void StartStockpile(StockpileProgramme programme)
    {
        _programme = programme;
        _budget += programme.Budget;
    }

    /// <summary>Capacity a deal finances: it joins the pipeline and arrives like the country's own investment.</summary>
    public void OrderCapacity(Engine.CapacityOrder order) => _pipeline.Add((order.Market, order.Added, order.Arrival));

    /// <summary>Events phase: arrivals, disruptions, and this round's offer to the markets.</summary>
    public CountryOffer Exogenous(ExogenousInput input)
    {
        var events = new List<CountryEvent>();
        foreach (var (market, added, arrival) in input.Financed ?? [])
            _pipeline.Add((market, added, arrival));
        ApplyArrivals(input.Round, events);
        AdvanceDisruptions(input, events);
        var capacity = new double[_markets];
        var uncapped = new double[_markets];
        for (var k = 0; k < _markets; k++)
        {
            // Projects committed before the base year keep arriving at the mineral's trend rate (the data's pipeline).
            var trend = Math.Pow(1 + _capacityGrowth[k / Stages.Count], input.Round / 12.0);
            capacity[k] = _capacity[k] * trend * (1 - _mothballed[k]) * (1 - _disruptionSeverity[k]);
            if (k % Stages.Count == 0) capacity[k] = Math.Min(capacity[k], ReserveLimit(k / Stages.Count));
            uncapped[k] = _baseCapacity[k] > 0 ? _baseUncapped[k] * capacity[k] / _baseCapacity[k] : 0;
        }
        var (fixedAdjust, plan) = PlanStocks(input);
        return new CountryOffer(_id, capacity, uncapped, fixedAdjust, plan, events);
    }

    /// <summary>Monthly output cannot exceed reserves spread over a minimum mine life of ten years (§5.5).</summary>
    private double ReserveLimit(int mineral) =>
        _reserves[mineral] > 0 ? _reserves[mineral] / 120.0 : double.PositiveInfinity;

    private void ApplyArrivals(int round, List<CountryEvent> events)
    {
        for (var n = _pipeline.Count - 1; n >= 0; n--)
        {
            var (k, added, arrival) = _pipeline[n];
            if (arrival != round) continue;
            _capacity[k] += added;
            _pipeline.RemoveAt(n);
            events.Add(new CountryEvent("capacity", k, added, "new capacity arrives"));
        }
    }

    private void AdvanceDisruptions(ExogenousInput input, List<CountryEvent> events)
    {
        for (var k = 0; k < _markets; k++)
        {
            if (_disruptedRounds[k] > 0 && --_disruptedRounds[k] == 0)
            {
                _disruptionSeverity[k] = 0;
                events.Add(new CountryEvent("recovery", k, 0, $"disruption ends"));
            }
        }
        foreach (var (k, severity, duration) in input.ScheduledDisruptions)
        {
            _disruptedRounds[k] = duration;
            _disruptionSeverity[k] = Math.Clamp(severity, 0, 1);
            events.Add(new CountryEvent("disruption", k, severity, $"scheduled disruption for {Plural.Of(duration, "round")}"));
        }
        // Markov disruptions: hazard scaled by political instability (§5.3); draws keyed by (seed, round, phase, country).
        var draws = new DrawStream(input.Seed, input.Round, Phase.Events, _id);
        var hazard = _settings.DisruptionHazard * 2 * (1 - _definition.Stability);
        for (var k = 0; k < _markets; k++)
        {
            var u = draws.NextDouble();
            var length = draws.NextDouble();
            if (_capacity[k] <= 0 || _disruptedRounds[k] > 0 || u >= hazard) continue;
            var mean = Math.Max(1, _settings.DisruptionDuration);
            var duration = mean == 1 ? 1 : 1 + (int)Math.Floor(Math.Log(1 - length) / Math.Log(1 - 1.0 / mean));
            _disruptedRounds[k] = duration;
            _disruptionSeverity[k] = _settings.DisruptionSeverity;
            events.Add(new CountryEvent("disruption", k, _settings.DisruptionSeverity, $"random disruption (hazard {hazard:P2}/month) for {Plural.Of(duration, "round")}"));
        }
    }

    /// <summary>
    /// Stockpile orders from last round's prices (§5.4) and the commercial inventory plan. The inventory's price response
    /// is solved with the market (the plan travels in the offer): set from last round's price, as first written, it made
    /// inelastic markets swing from round to round — destock at a high price, crash, restock, spike.
    /// </summary>
    private (double[] Fixed, InventoryPlan Plan) PlanStocks(ExogenousInput input)
    {
        var adjust = new double[_markets];
        var gap = new double[_markets];
        for (var k = 0; k < _markets; k++)
        {
            var use = _averageUse[k];
            if (use <= 0) { _pendingBuy[k] = _pendingRelease[k] = 0; continue; }
            var target = _settings.InventoryMonths * use * (input.AnnouncedControl[k] ? 1 + _settings.AnticipationFactor : 1);
            gap[k] = _settings.InventoryAdjustment * (target - _inventory[k]);
            var index = input.LastPriceIndex[k];
            var buy = 0.0;
            var release = 0.0;
            if (_programme is { } p && p.Minerals.Contains(k / Stages.Count) && k % Stages.Count == (int)Stage.Refined)
            {
                var price = index * _basePrice[k];
                var floor = input.Floors[k];
                var cheap = !double.IsNaN(p.BuyBelow) ? index < p.BuyBelow : double.IsNaN(floor) ? index < _averageIndex[k] : price < floor;
                if (index > (1 + p.ReleaseTrigger) * _averageIndex[k])
                    release = Math.Min(_publicStock[k], p.ReleaseRate * use);
                else if (cheap && _budget > 0)
                    buy = Math.Min(_budget / price, p.BuyRate * use);
            }
            _pendingBuy[k] = buy;
            _pendingRelease[k] = release;
            adjust[k] = buy - release;
        }
        return (adjust, new InventoryPlan(gap, (double[])_averageUse.Clone(), (double[])_averageIndex.Clone(),
            (double[])_inventory.Clone(), _settings.InventoryPriceResponse));
    }

    /// <summary>Invest phase: stocks settle, expectations adapt, marginal producers exit or restart, new capacity is ordered.</summary>
    public CountrySnapshot Settle(CountryMarketResult r)
    {
        var events = new List<CountryEvent>();
        for (var k = 0; k < _markets; k++)
        {
            // D̄ (§5.4) is the buyer's demand Q_j: tonnes used net of this round's stock building (commercial ΔInv and
            // public Buy − Rel), which the market adds to Q_j for the spot (§2.2). Counting them in D̄ fed restocking back
            // into its own target (Inv* = c*·D̄ rose with every tonne stocked).
            var demand = Math.Max(0, r.Use[k] - r.InventoryChange[k] - (_pendingBuy[k] - _pendingRelease[k]));
            // The base year's use (production, §2.1) already holds the stock building of a market growing at g: stocks of
            // c* months of use grow with use, by c*·((1+g)^(1/12) − 1) of a month's use. That part of Q_j goes into stock;
            // adding it again as ΔInv on top of a base calibrated with ΔInv = 0 made every growing market short by it, at
            // every stage down the chain, and prices drifted up in a no-shock run.
            _inventory[k] = Math.Max(0, _inventory[k] + r.InventoryChange[k] + _trendStocking[k / Stages.Count] * demand);
            _publicStock[k] += _pendingBuy[k] - _pendingRelease[k];
            var paid = r.PriceIndex[k] * _basePrice[k];
            _budget += (_pendingRelease[k] - _pendingBuy[k]) * paid;
            if (demand > 0) _averageUse[k] = 0.8 * _averageUse[k] + 0.2 * demand;
            _averageIndex[k] += (r.PriceIndex[k] - _averageIndex[k]) / 12.0;
            var expected = _settings.ExpectationWeight * r.Price[k] + (1 - _settings.ExpectationWeight) * _expectedPrice[k];
            if (r.IsMember && !double.IsNaN(r.Floors[k])) expected = Math.Max(expected, _settings.FloorCredibility * r.Floors[k]);
            _expectedPrice[k] = expected;
            if (_capacity[k] <= 0) continue;
            // A state restricting its own exports keeps its plants there running: the low home price is its policy (§4.4).
            if (r.OwnControls?[k] == true && _mothballed[k] == 0) _lossRounds[k] = 0;
            else ExitOrRestart(k, r.ValueAdded[k], events);
            if (r.Round % 3 == 0) Invest(k, r, events);
            if (k % Stages.Count == 0 && _reserves[k / Stages.Count] > 0)
                _reserves[k / Stages.Count] = Math.Max(0, _reserves[k / Stages.Count] - r.Output[k]);
        }
        return new CountrySnapshot(_id, (double[])_capacity.Clone(), (double[])_publicStock.Clone(),
            (double[])_inventory.Clone(), _budget, (double[])_reserves.Clone(), events);
    }

    /// <summary>Mothball after T_exit loss-making rounds; restart only after T_restart good ones: the hysteresis predation exploits (§5.2).</summary>
    private void ExitOrRestart(int k, double valueAdded, List<CountryEvent> events)
    {
        var cashCost = _settings.MarginalCostShare * _baseValueAdded[k];
        if (_mothballed[k] == 0)
        {
            _lossRounds[k] = valueAdded < cashCost ? _lossRounds[k] + 1 : 0;
            if (_lossRounds[k] < _settings.ExitRounds) return;
            _mothballed[k] = _settings.ExitFraction;
            _lossRounds[k] = 0;
            events.Add(new CountryEvent("exit", k, _settings.ExitFraction, $"value added {valueAdded:F0} below cash cost {cashCost:F0} for {Plural.Of(_settings.ExitRounds, "round")}: capacity mothballed"));
            return;
        }
        _recoveryRounds[k] = valueAdded > cashCost * (1 + _settings.RestartPremium) ? _recoveryRounds[k] + 1 : 0;
        if (_recoveryRounds[k] < _settings.RestartRounds) return;
        _mothballed[k] = 0;
        _recoveryRounds[k] = 0;
        events.Add(new CountryEvent("restart", k, 0, $"value added above restart threshold for {Plural.Of(_settings.RestartRounds, "round")}: capacity restarted"));
    }

    /// <summary>Quarterly: order capacity when the expected value added clears the hurdle; it arrives after the lead time (§5.5).</summary>
    private void Invest(int k, CountryMarketResult r, List<CountryEvent> events)
    {
        if (_pipeline.Any(p => p.Market == k) || _mothballed[k] > 0) return;
        var inputCost = r.Price[k] - r.ValueAdded[k];
        var expectedValueAdded = _expectedPrice[k] - inputCost;
        if (expectedValueAdded < (1 + _settings.InvestmentHurdle) * _baseValueAdded[k]) return;
        var added = _settings.InvestmentStep * _capacity[k];
        var lead = k % Stages.Count == 0 ? _settings.MineLeadTime : _settings.PlantLeadTime;
        _pipeline.Add((k, added, r.Round + lead));
        events.Add(new CountryEvent("invest", k, added, $"expected value added {expectedValueAdded:F0} ≥ hurdle: +{added:G4} t/month due in round {r.Round + lead}"));
    }
}
