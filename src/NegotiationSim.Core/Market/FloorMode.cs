namespace NegotiationSim.Core.Market;

/// <summary>How the bloc's reference price is enforced (MODEL.md §2.4).</summary>
public enum FloorMode
{
    BorderOnly = 0,
    BorderPlusMinPrice = 1,
    BorderPlusStockSupport = 2,
}

/// <summary>Whether the levy is set from last round's prices (partial adjustment) or solved with the market.</summary>
public enum LevyTiming
{
    Lagged = 0,
    Contemporaneous = 1,
}
