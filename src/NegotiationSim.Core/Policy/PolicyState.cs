using NegotiationSim.Core.Market;

namespace NegotiationSim.Core.Policy;

/// <summary>
/// The policy wedges in force this round, as the markets need them: small, so it can be sent to every
/// market (grain) each round. Built by the coordinator at the end of the events phase.
/// </summary>
public sealed record PolicyState(
    int Round,
    bool[] Members,
    /// <summary>Reference price per market index, NaN where there is no floor.</summary>
    double[] Floors,
    FloorMode FloorMode,
    LevyTiming LevyTiming,
    double LevyAdjustment,
    IReadOnlyList<Section232Duty> Section232,
    IReadOnlyList<ActiveControl> Controls,
    IReadOnlyList<ActiveFlood> Floods,
    /// <summary>Demand growth multiplier per mineral since the base year.</summary>
    double[] Growth)
{
    /// <summary>Tariff concessions of the deals in force (MODEL.md §3.2).</summary>
    public IReadOnlyList<TariffCut> TariffCuts { get; init; } = [];

    /// <summary>Contracted volumes in force, served first (MODEL.md §3.6).</summary>
    public IReadOnlyList<ContractFlow> Contracts { get; init; } = [];
}

/// <summary>A Section 232 duty in force: the US charges Rate on Exporter's Stages.</summary>
public sealed record Section232Duty(int Importer, int Exporter, Market.MarketStageSet Stages, double Rate);

/// <summary>An export control as it bites this round: the allowed share of the unconstrained flow and today's leakage.</summary>
public sealed record ActiveControl(string Id, int Exporter, int Mineral, Market.MarketStageSet Stages, bool[] Targets,
    double AllowedShare, double Leakage, double LeakCost, IReadOnlyList<int> Hubs);

public sealed record ActiveFlood(int Exporter, int Mineral, World.Stage Stage, double Subsidy);
