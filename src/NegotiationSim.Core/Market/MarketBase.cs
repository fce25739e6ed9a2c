using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>
/// The calibrated base year of one market (mineral × stage): base flows, base delivered-price wedges and
/// the constants of the supply and demand curves (MODEL.md §2.1–2.2). Immutable; shared by every round.
/// </summary>
public sealed class MarketBase
{
    public required MarketId Id { get; init; }
    public required int N { get; init; }
    public required StageParameters Parameters { get; init; }

    /// <summary>Base flows x0[i,j] in t/month, origin i to destination j (diagonal = home sales). Row-major N×N.</summary>
    public required double[] Flows { get; init; }

    /// <summary>(1+τ_ij)(1+t0_ij): base delivered price over origin FOB price. Row-major N×N.</summary>
    public required double[] BaseWedge { get; init; }

    /// <summary>Base production per origin (t/month).</summary>
    public required double[] Production { get; init; }

    /// <summary>Uncapped base output, so that the soft cap returns exactly the base production at the base price.</summary>
    public required double[] UncappedProduction { get; init; }

    /// <summary>Base capacity per origin (t/month).</summary>
    public required double[] Capacity { get; init; }

    /// <summary>Base use per destination, Σ_i x0_ij.</summary>
    public required double[] Use { get; init; }

    /// <summary>Base "other use" (final demand) per destination; the rest of use is derived demand of the next stage.</summary>
    public required double[] OtherUse { get; init; }

    /// <summary>Tonnes of this stage's output used per tonne of next-stage output (0 at the product stage).</summary>
    public required double InputCoefficientForNext { get; init; }

    /// <summary>Base CES weights β_ij per destination (value shares at base delivered prices). Row-major N×N.</summary>
    public required double[] Beta { get; init; }

    public double BasePrice => Parameters.BasePrice;
    public double BaseValueAdded => Parameters.BasePrice * Parameters.ValueAddedShare;
    public double BaseInputCost => Parameters.BasePrice * (1 - Parameters.ValueAddedShare);
}
