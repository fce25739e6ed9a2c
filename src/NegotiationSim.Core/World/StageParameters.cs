namespace NegotiationSim.Core.World;

/// <summary>Market parameters of one mineral at one stage (MODEL.md §2.2, §2.7).</summary>
/// <param name="BasePrice">World base FOB price, $ per tonne.</param>
/// <param name="ValueAddedShare">Share of the base price that is value added at this stage; the rest is input cost.</param>
/// <param name="Sigma">Armington elasticity between origins.</param>
/// <param name="DemandElasticity">Composite demand elasticity ε (negative).</param>
/// <param name="SupplyElasticity">Supply elasticity η in the value-added price, within capacity.</param>
/// <param name="OtherUseShare">Share of this stage's output used outside the chain (final use); stage 2 is all final use.</param>
/// <param name="Transport">Ad-valorem freight and insurance τ between different countries.</param>
public sealed record StageParameters(
    double BasePrice,
    double ValueAddedShare,
    double Sigma,
    double DemandElasticity,
    double SupplyElasticity,
    double OtherUseShare,
    double Transport);
