using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Core.Engine;

/// <summary>One mineral's inputs for a round: the policy in force and each country's offer, [stage][country].</summary>
public sealed record MineralRoundInput(PolicyState Policy, double[][] Capacity, double[][] UncappedBase, double[][] SpotAdjust,
    IReadOnlyList<InventoryPlan> Inventory);

/// <summary>A cleared stage of a mineral, reduced to what reports and decisions need.</summary>
public sealed record StageResult(
    double[] Price, double[] Output, double[] Use, double[] PriceIndex, double[] ValueAdded,
    double[] Imports, double[] Exports, double[] ImportsFromChina, double[] InventoryChange,
    double MemberPrice, double OutsiderPrice, double ChinaPrice, double Floor,
    IReadOnlyList<Flow> Flows, int Iterations, double Residual,
    double[] ContractedSales, double[] ContractedPurchases, double[] ContractServed, double[] ContractTaken);

/// <summary>A bilateral flow worth reporting (≥ 0.1% of its market, or carrying a contract); Contracted of its Tonnes are contract deliveries.</summary>
public sealed record Flow(int Origin, int Destination, double Tonnes, double DeliveredPrice, double Contracted);

/// <summary>
/// Welfare components of one country in one mineral, $/month relative to the base year (MODEL.md §2.6), plus the
/// contract-price transfer of its deals, (p_spot − p_c)·Q_c to the buyer and the opposite to the seller (§3.6).
/// </summary>
public sealed record WelfareRow(double ConsumerSurplus, double ProducerSurplus, double TariffRevenue, double ExportRent, double Subsidy,
    double ContractTransfer = 0)
{
    public double Total => ConsumerSurplus + ProducerSurplus + TariffRevenue + ExportRent + Subsidy + ContractTransfer;
    public static WelfareRow Zero { get; } = new(0, 0, 0, 0, 0);
    public WelfareRow Add(WelfareRow o) => new(ConsumerSurplus + o.ConsumerSurplus, ProducerSurplus + o.ProducerSurplus,
        TariffRevenue + o.TariffRevenue, ExportRent + o.ExportRent, Subsidy + o.Subsidy, ContractTransfer + o.ContractTransfer);
}

/// <summary>The mineral's three stages after clearing, plus welfare per country.</summary>
public sealed record MineralResult(int Mineral, IReadOnlyList<StageResult> Stages, IReadOnlyList<WelfareRow> Welfare, int Sweeps);

/// <summary>A tariff-concession what-if: the importer cuts its tariff on the exporter's sales of the mineral by Cut; welfare of A and B is wanted.</summary>
public sealed record TariffCutProbe(int Importer, int Exporter, int Mineral, double Cut, int A, int B);

/// <summary>Capacity a deal finances: Added t/month in Country's market (index) from round Arrival.</summary>
public sealed record CapacityOrder(int Country, int Market, double Added, int Arrival, string Reason);

/// <summary>A Section 232 what-if: the importer (the US) adds Rate on Target's exports of Stages.</summary>
public sealed record Section232Probe(int Target, int Importer, MarketStageSet Stages, double Rate);
