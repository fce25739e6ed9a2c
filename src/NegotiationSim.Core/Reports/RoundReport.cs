namespace NegotiationSim.Core.Reports;

/// <summary>Everything a round produced, in world order (countries by id, minerals as listed). Plain data for files and screens.</summary>
public sealed record RoundReport(
    int Round,
    string Month,
    IReadOnlyList<string> Members,
    IReadOnlyList<MarketPrices> Prices,
    IReadOnlyList<CountryMineralRow> Rows,
    IReadOnlyList<FlowRow> Flows,
    IReadOnlyList<SecurityRow> Security,
    IReadOnlyList<RunEvent> Events,
    StabilityReport Stability,
    int SolverSweeps)
{
    /// <summary>Deals signed, in force, voided or expired this round (MODEL.md §3.6).</summary>
    public IReadOnlyList<DealRow> Deals { get; init; } = [];

    /// <summary>Negotiation sessions that ended this round, with their transcripts.</summary>
    public IReadOnlyList<SessionReport> Sessions { get; init; } = [];

    /// <summary>Export controls announced and not suspended this round, each with the countries it targets.</summary>
    public IReadOnlyList<ControlRow> Controls { get; init; } = [];
}

/// <summary>
/// An export control as it stands this round: "announced" (not yet biting) or "in-force". Scope is how the scenario
/// named its targets ("all", "bloc" or "list"); Targets is that set resolved to country ids with this round's
/// membership, the exporter excluded, so a screen can draw the control to the countries it actually hits.
/// </summary>
public sealed record ControlRow(string Id, string Exporter, string Mineral, IReadOnlyList<string> Stages, string Kind,
    string Status, string Scope, IReadOnlyList<string> Targets);

/// <summary>Average delivered prices in a market: paid inside the bloc, outside it (China excluded), and in China.</summary>
public sealed record MarketPrices(string Mineral, string Stage, double Member, double Outsider, double China, double Floor, double WorldFob);

/// <summary>One country × mineral × stage in a round: production, use, trade, price and (per mineral, on the ore row) welfare.</summary>
public sealed record CountryMineralRow(string Country, string Mineral, string Stage, double Output, double Use,
    double Imports, double Exports, double ImportsFromChina, double FobPrice, double PriceIndex,
    double ConsumerSurplus, double ProducerSurplus, double TariffRevenue, double ExportRent, double Subsidy, double ContractTransfer = 0,
    double ContractedSales = 0, double ContractedPurchases = 0);

/// <summary>A reported flow; ContractedTonnes of its Tonnes are contract deliveries, served before the spot market.</summary>
public sealed record FlowRow(string Mineral, string Stage, string Origin, string Destination, double Tonnes, double DeliveredPrice, double ContractedTonnes = 0);

/// <summary>Supply security per mineral at the refined stage: the US's net import reliance and China's share of world output.</summary>
public sealed record SecurityRow(string Mineral, double UsImportReliance, double ChinaShare);

/// <summary>A decision or shock, with the reasons that drove it (top components, in words).</summary>
public sealed record RunEvent(int Round, string Kind, string Country, string Mineral, string Stage, double Value, string Reason);

/// <summary>Internal and external stability of the bloc this round (MODEL.md §4.3).</summary>
public sealed record StabilityReport(bool InternallyStable, bool ExternallyStable, IReadOnlyList<StabilityMargin> WouldLeave, IReadOnlyList<StabilityMargin> WouldJoin);

public sealed record StabilityMargin(string Country, double Margin, string Reasons);
