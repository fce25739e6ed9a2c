using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Policy;

/// <summary>
/// A signed bilateral deal (MODEL.md §3.2, §3.6): the buyer takes <paramref name="Volume"/> t/month of the seller's
/// (mineral, stage) at <paramref name="ContractPrice"/> from <paramref name="Start"/> to <paramref name="End"/>; each
/// side cuts its tariff on the other's exports of the mineral; the buyer finances <paramref name="Investment"/> t/month
/// of capacity in the seller; with <paramref name="ProcessInSeller"/> the ore is refined in the seller.
/// </summary>
public sealed record Deal(string Id, int Buyer, int Seller, int Mineral, Stage Stage, double Volume, double ContractPrice,
    int Start, int End, double BuyerCut, double SellerCut, double Investment, bool ProcessInSeller, int Signed);

/// <summary>A tariff cut in force: the importer's tariff on the exporter's sales of a mineral (all stages) is scaled by 1 − Cut.</summary>
public sealed record TariffCut(int Importer, int Exporter, int Mineral, double Cut);

/// <summary>A contracted flow in force: served first, inside any export-control quota (MODEL.md §3.6).</summary>
public sealed record ContractFlow(int Exporter, int Importer, int Mineral, Stage Stage, double Volume);
