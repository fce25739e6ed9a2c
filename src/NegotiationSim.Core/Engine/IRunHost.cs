using NegotiationSim.Core.Country;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// Where countries and markets live: in this process (the reference engine) or in grains. The coordinator runs
/// the same phases against either, so both give the same bytes. Results come back in world order.
/// </summary>
public interface IRunHost
{
    Task<IReadOnlyList<CountryOffer>> ExogenousAsync(IReadOnlyList<ExogenousInput> inputs);
    Task<IReadOnlyList<MineralResult>> ClearAsync(IReadOnlyList<MineralRoundInput> inputs);
    /// <summary>Per mineral, per country: W(in) − W(out) in the floor markets, on the linear model.</summary>
    Task<IReadOnlyList<double[]>> AppraiseMembershipAsync(bool[] members, double[] floors);
    /// <summary>Per mineral, per country: W(F ∪ {applicant}) − W(F) in the floor markets, on the linear model (a vote on admission).</summary>
    Task<IReadOnlyList<double[]>> AppraiseAdmissionAsync(bool[] members, double[] floors, int applicant);
    /// <summary>Per mineral, per probe: the target's welfare loss if the Section 232 duty lands.</summary>
    Task<IReadOnlyList<double[]>> Section232LossesAsync(IReadOnlyList<Section232Probe> probes);
    /// <summary>Per mineral: [A, B] welfare changes per probe from a tariff cut, on the linear model (see MineralMarket.TariffCutGains).</summary>
    Task<IReadOnlyList<double[]>> TariffCutGainsAsync(IReadOnlyList<TariffCutProbe> probes);
    /// <summary>Adds capacity financed by deals to the countries' investment pipelines.</summary>
    Task OrderCapacityAsync(IReadOnlyList<CapacityOrder> orders);
    Task<IReadOnlyList<CountrySnapshot>> SettleAsync(IReadOnlyList<CountryMarketResult> results);
    Task StartStockpileAsync(StockpileProgramme programme);
}
