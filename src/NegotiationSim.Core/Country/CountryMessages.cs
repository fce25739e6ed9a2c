using NegotiationSim.Core.Market;

namespace NegotiationSim.Core.Country;

/// <summary>What a country needs to know at the start of a round (the events phase): all read-only.</summary>
/// <param name="Round">1-based round.</param>
/// <param name="Seed">The run's seed; the country's draws are keyed by (seed, round, phase, country).</param>
/// <param name="ScheduledDisruptions">Disruptions the scenario starts this round in this country: (market index, severity, duration).</param>
/// <param name="AnnouncedControl">Per market index: an export control affecting this country is announced but not yet in force.</param>
/// <param name="LastPriceIndex">Per market index: this country's price index last round (1 = base).</param>
/// <param name="Floors">Per market index: the bloc's reference price, NaN where none.</param>
/// <param name="Growth">Per mineral: demand growth multiplier since the base year.</param>
/// <param name="Financed">Capacity others finance in this country, committed this round: (market index, t/month, arrival round).</param>
public sealed record ExogenousInput(int Round, long Seed, IReadOnlyList<(int Market, double Severity, int Duration)> ScheduledDisruptions,
    bool[] AnnouncedControl, double[] LastPriceIndex, double[] Floors, double[] Growth,
    IReadOnlyList<(int Market, double Added, int Arrival)>? Financed = null);

/// <summary>A country's offer to the markets for this round, per market index.</summary>
/// <param name="SpotAdjust">Public stock purchases − releases per market, t/month (fixed for the round).</param>
/// <param name="Inventory">The commercial inventory plan, whose price response is solved with the market.</param>
public sealed record CountryOffer(int Country, double[] Capacity, double[] UncappedBase, double[] SpotAdjust,
    InventoryPlan Inventory, IReadOnlyList<CountryEvent> Events);

/// <summary>What the markets did for this country, per market index, handed back in the invest phase.</summary>
/// <param name="OwnControls">Per market index: this country restricts its own exports there this round (an export control in force).</param>
public sealed record CountryMarketResult(int Round, long Seed, double[] Price, double[] ValueAdded, double[] Output,
    double[] Use, double[] PriceIndex, double[] InventoryChange, bool IsMember, double[] Floors, bool[]? OwnControls = null);

/// <summary>The country's state after the round, as the report shows it.</summary>
public sealed record CountrySnapshot(int Country, double[] Capacity, double[] PublicStock, double[] Inventory,
    double StockBudget, double[] Reserves, IReadOnlyList<CountryEvent> Events);

/// <summary>Something that happened inside a country this round, with its reason in words.</summary>
public sealed record CountryEvent(string Kind, int Market, double Value, string Reason);
