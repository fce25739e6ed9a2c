using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>What one side's utility needs to know about itself: monthly patience and its stance weights (MODEL.md §3.3).</summary>
internal sealed record Side(double Patience, double Economic, double Security, double Autonomy, double RiskAversion);

/// <summary>
/// The market facts a deal is valued on, from the round's equilibrium: the seller's FOB price and exports, value added,
/// the disruption and crash probabilities, and the linear what-ifs of each tariff cut ([buyer, seller] gain per month
/// for the cut levels of <see cref="DealSpace"/>).
/// </summary>
internal sealed record DealFacts(
    double Price,
    double SellerExports,
    double ValueAdded,
    double RefinedValueAdded,
    double OreToRefined,
    bool BuyerRefines,
    double BaseTranche,
    int LeadTime,
    double DisruptionRisk,
    double CrashRisk,
    double CrashPrice,
    double[] BuyerCutGains,
    double[] SellerCutGains,
    double SellerThreatLoss,
    bool IsOre);

/// <summary>
/// U_A and U_B of every deal outcome in $ present value (MODEL.md §3.3), A the buyer and B the seller:
/// the contract-price transfer, supply insurance for the buyer and demand insurance for the seller, tariff concessions
/// valued on the linear GSIM, the investment tranche (capex against offtake security and returns), the processing
/// clause, and alignment. The reservation value is no deal, in which a threatened Section 232 duty may land.
/// </summary>
internal static class DealValuation
{
    // [A] assumptions, in the spirit of MODEL.md §3.3; each is a share or a multiple of a market quantity.
    /// <summary>p_spike = p·(1 + SpikeFactor) when spot supply is cut.</summary>
    private const double SpikeFactor = 1.0;
    /// <summary>Capex of one t/month of capacity, in months of the seller's value added.</summary>
    private const double CapexMonths = 48;
    /// <summary>Share of the new capacity's value added the financing buyer earns back.</summary>
    private const double ReturnShare = 0.5;
    private const int AssetLife = 60;
    /// <summary>Share of refining value added the buyer loses when ore it imported is refined in the seller instead.</summary>
    private const double RefiningLoss = 0.5;
    /// <summary>$-equivalent of dealing with an aligned partner, as a share of the deal's value (stance-weighted).</summary>
    private const double AlignmentValue = 0.02;
    /// <summary>Horizon over which a threatened duty would bite, months.</summary>
    private const int ThreatHorizon = 36;

    public static double Annuity(double delta, double months) =>
        delta >= 1 ? months : (1 - Math.Pow(delta, months)) / (1 - delta);

    /// <summary>The utility of an outcome under which nothing changes hands: below any real one, so never signed.</summary>
    public const double NothingChangesHands = double.MinValue / 4;

    public static (double[] A, double[] B, double ReservationA, double ReservationB) Utilities(
        OutcomeSpace space, DealFacts f, Side a, Side b, double alignmentA, double alignmentB)
    {
        var n = space.Count;
        var ua = new double[n];
        var ub = new double[n];
        var p = f.Price;
        var issues = space.Issues;
        double V(int issue, int level) => issues[issue].Values[level];
        // Everything that depends on one issue alone is computed once per level; the loop below only combines them.
        var lifeA = Math.Pow(a.Patience, f.LeadTime) * Annuity(a.Patience, AssetLife);
        var lifeB = Math.Pow(b.Patience, f.LeadTime) * Annuity(b.Patience, AssetLife);
        var annA = issues[DealSpace.Duration].Values.Select(m => Annuity(a.Patience, m)).ToArray();
        var annB = issues[DealSpace.Duration].Values.Select(m => Annuity(b.Patience, m)).ToArray();
        for (var o = 0; o < n; o++)
        {
            var (lq, lx, lm) = (space.Level(o, DealSpace.Volume), space.Level(o, DealSpace.Price), space.Level(o, DealSpace.Duration));
            var (cutA, cutB) = (space.Level(o, DealSpace.BuyerCut), space.Level(o, DealSpace.SellerCut));
            var (li, lp) = (space.Level(o, DealSpace.Investment), space.Level(o, DealSpace.Processing));
            var q = V(DealSpace.Volume, lq) * f.SellerExports;
            var x = V(DealSpace.Price, lx);
            var months = V(DealSpace.Duration, lm);
            var dk = V(DealSpace.Investment, li) * f.BaseTranche;
            var process = f.IsOre && q > 0 && V(DealSpace.Processing, lp) > 0;
            var tariffA = cutA > 0 ? f.BuyerCutGains[2 * (cutA - 1)] : 0;
            var tariffB = cutA > 0 ? f.BuyerCutGains[2 * (cutA - 1) + 1] : 0;
            tariffA += cutB > 0 ? f.SellerCutGains[2 * (cutB - 1)] : 0;
            tariffB += cutB > 0 ? f.SellerCutGains[2 * (cutB - 1) + 1] : 0;
            if (q <= 0 && dk <= 0 && tariffA == 0 && tariffB == 0)
            {
                // Nothing changes hands: not a deal at all, so never worth signing.
                ua[o] = ub[o] = NothingChangesHands;
                continue;
            }
            var contract = p * (1 + x);
            var transfer = (p - contract) * q;
            var supplyInsurance = q * f.DisruptionRisk * Math.Max(0, p * (1 + SpikeFactor) - contract) * a.RiskAversion;
            var demandInsurance = q * f.CrashRisk * Math.Max(0, contract - f.CrashPrice) * b.RiskAversion;
            // Investment: the buyer pays the capex now; the capacity arrives after the lead time and runs its life.
            var capex = dk * f.ValueAdded * CapexMonths;
            var investA = a.Economic * (ReturnShare * dk * f.ValueAdded * lifeA - capex)
                + a.Security * dk * f.DisruptionRisk * p * SpikeFactor * a.RiskAversion * lifeA;
            var investB = (b.Economic * (1 - ReturnShare) + b.Autonomy) * dk * f.ValueAdded * lifeB;
            var refining = process ? q * f.OreToRefined * f.RefinedValueAdded : 0;
            var processA = process && f.BuyerRefines ? -a.Economic * RefiningLoss * refining * annA[lm] : 0;
            var processB = (b.Economic * RefiningLoss + b.Autonomy) * refining * annB[lm];
            var stake = p * q + (tariffA + tariffB) / 2 + capex / Math.Max(1, months);
            ua[o] = a.Economic * (transfer + tariffA) * annA[lm] + a.Security * supplyInsurance * annA[lm] + investA + processA
                + alignmentA * AlignmentValue * Math.Abs(stake) * annA[lm];
            ub[o] = b.Economic * (-transfer + tariffB + demandInsurance) * annB[lm] + investB + processB
                + alignmentB * AlignmentValue * Math.Abs(stake) * annB[lm];
        }
        var reservationB = -b.Economic * f.SellerThreatLoss * Annuity(b.Patience, ThreatHorizon);
        return (ua, ub, 0, reservationB);
    }

    /// <summary>+1 toward the bloc leader or a member for a pro-bloc stance, −1 toward China; weighted by the stance's alignment.</summary>
    public static double AlignmentToward(CountryDefinition self, CountryDefinition partner, bool partnerIsMember) =>
        partner.Role == CountryRole.China ? -self.Stance.Alignment
        : partner.Role == CountryRole.BlocLeader || partnerIsMember ? self.Stance.Alignment
        : 0;
}
