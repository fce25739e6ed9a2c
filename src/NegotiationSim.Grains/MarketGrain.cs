using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Grains;

/// <summary>Holds one mineral's markets (warm start, lagged levy, linearisation); clearing is a call into <see cref="MineralMarket"/>.</summary>
public sealed class MarketGrain : Grain, IMarketGrain
{
    private MineralMarket? _market;

    private MineralMarket Market => _market ?? throw new InvalidOperationException("market grain used before InitAsync");

    public Task InitAsync(Scenario scenario, int mineral)
    {
        var bases = Calibration.BuildMineral(scenario.World, mineral);
        _market = new MineralMarket(bases, mineral, scenario.World.IndexOfRole(CountryRole.China));
        return Task.CompletedTask;
    }

    public Task<MineralResult> ClearAsync(MineralRoundInput input) => Task.FromResult(Market.Clear(input));

    public Task<double[]> Section232LossesAsync(IReadOnlyList<Section232Probe> probes) =>
        Task.FromResult(Market.Section232Losses(probes));

    public Task<double[]> TariffCutGainsAsync(IReadOnlyList<TariffCutProbe> probes) =>
        Task.FromResult(Market.TariffCutGains(probes));

    public Task<double[]> AppraiseMembershipAsync(bool[] members, double[] floors) =>
        Task.FromResult(MembershipWhatIf.InMinusOut(Market, members, floors));

    public Task<double[]> AppraiseAdmissionAsync(bool[] members, double[] floors, int applicant) =>
        Task.FromResult(MembershipWhatIf.AdmissionGains(Market, members, floors, applicant));
}
