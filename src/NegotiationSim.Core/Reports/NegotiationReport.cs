namespace NegotiationSim.Core.Reports;

/// <summary>
/// A deal's state in a round: "signed", "in-force" (with this round's contract transfer to the buyer, $/month),
/// "voided" (force majeure under an export ban) or "expired".
/// </summary>
public sealed record DealRow(string Id, string Status, string Buyer, string Seller, string Mineral, string Stage,
    double Volume, double ContractPrice, double SpotPrice, int Start, int End, double BuyerCut, double SellerCut,
    double Investment, bool ProcessInSeller, double Transfer, string Note, double Delivered = double.NaN);

/// <summary>One offer of a transcript: the outcome in words and what it is worth to each side, in $ and normalised.</summary>
public sealed record OfferRow(int Step, int Round, string By, int Outcome, string Terms, double UtilityBuyer, double UtilitySeller,
    double NormalisedBuyer, double NormalisedSeller, string Response);

/// <summary>
/// A finished session: who, over what and why, the strategies, how it ended, the ZOPA, the Nash point and the
/// agreement's distance from it and from the Pareto frontier (normalised utilities), and every offer.
/// </summary>
public sealed record SessionReport(
    string Id,
    int Opened,
    string Buyer,
    string Seller,
    string Mineral,
    string Stage,
    string Reason,
    string BuyerStrategy,
    string SellerStrategy,
    string Status,
    string Note,
    int Steps,
    int Deadline,
    int Outcomes,
    int ZopaSize,
    double ReservationBuyer,
    double ReservationSeller,
    string Agreement,
    double UtilityBuyer,
    double UtilitySeller,
    string NashPoint,
    double? DistanceToNash,
    double? DistanceToPareto,
    IReadOnlyList<OfferRow> Offers);
