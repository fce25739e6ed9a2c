using NegotiationSim.Core.Bloc;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Policy;

/// <summary>A reference price at one stage of one mineral, $ per tonne at the border.</summary>
public sealed record PriceFloor(int Mineral, Stage Stage, double Price);

/// <summary>The preferential bloc's rules (MODEL.md §2.4, §4).</summary>
public sealed record BlocRules(
    string Name,
    IReadOnlyList<int> Founders,
    IReadOnlyList<PriceFloor> Floors,
    FloorMode FloorMode,
    LevyTiming LevyTiming,
    double LevyAdjustment,
    int NoticeJoin,
    int NoticeLeave,
    double ComplianceCost,
    IReadOnlyList<int>? Eligible,
    AdmissionRule? Admission = null)
{
    /// <summary>How outsiders get in: <see cref="AdmissionRule.Open"/> unless the scenario asks for a vote.</summary>
    public AdmissionRule AdmissionRule => Admission ?? AdmissionRule.Open;

    public bool IsEligible(int country, WorldDefinition world) =>
        world.Countries[country].Role != CountryRole.China && (Eligible is null || Eligible.Contains(country));
}
