using NegotiationSim.Core.Country;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>The reference engine's host: every country and market is a plain object in this process.</summary>
public sealed class ReferenceHost : IRunHost
{
    private readonly CountryModel[] _countries;
    private readonly MineralMarket[] _markets;

    public ReferenceHost(Scenario scenario)
    {
        var bases = Calibration.Build(scenario.World);
        var china = scenario.World.IndexOfRole(CountryRole.China);
        _countries = Enumerable.Range(0, scenario.World.CountryCount).Select(i => new CountryModel(scenario, CountryBase.From(bases, i), i)).ToArray();
        _markets = Enumerable.Range(0, scenario.World.Minerals.Count).Select(m => new MineralMarket(bases.Skip(m * Stages.Count).Take(Stages.Count).ToArray(), m, china)).ToArray();
    }

    public Task<IReadOnlyList<CountryOffer>> ExogenousAsync(IReadOnlyList<ExogenousInput> inputs) =>
        Task.FromResult<IReadOnlyList<CountryOffer>>(_countries.Select((c, i) => c.Exogenous(inputs[i])).ToArray());

    public Task<IReadOnlyList<MineralResult>> ClearAsync(IReadOnlyList<MineralRoundInput> inputs) =>
        Task.FromResult<IReadOnlyList<MineralResult>>(_markets.Select((m, i) => m.Clear(inputs[i])).ToArray());

    public Task<IReadOnlyList<double[]>> AppraiseMembershipAsync(bool[] members, double[] floors) =>
        Task.FromResult<IReadOnlyList<double[]>>(_markets.Select(m => MembershipWhatIf.InMinusOut(m, members, floors)).ToArray());

    public Task<IReadOnlyList<double[]>> AppraiseAdmissionAsync(bool[] members, double[] floors, int applicant) =>
        Task.FromResult<IReadOnlyList<double[]>>(_markets.Select(m => MembershipWhatIf.AdmissionGains(m, members, floors, applicant)).ToArray());

    public Task<IReadOnlyList<double[]>> Section232LossesAsync(IReadOnlyList<Section232Probe> probes) =>
        Task.FromResult<IReadOnlyList<double[]>>(_markets.Select(m => m.Section232Losses(probes)).ToArray());

    public Task<IReadOnlyList<double[]>> TariffCutGainsAsync(IReadOnlyList<TariffCutProbe> probes) =>
        Task.FromResult<IReadOnlyList<double[]>>(_markets.Select(m => m.TariffCutGains(probes)).ToArray());

    public Task OrderCapacityAsync(IReadOnlyList<CapacityOrder> orders)
    {
        foreach (var o in orders) _countries[o.Country].OrderCapacity(o);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CountrySnapshot>> SettleAsync(IReadOnlyList<CountryMarketResult> results) =>
        Task.FromResult<IReadOnlyList<CountrySnapshot>>(_countries.Select((c, i) => c.Settle(results[i])).ToArray());

    public Task StartStockpileAsync(StockpileProgramme programme)
    {
        _countries[programme.Country].StartStockpile(programme);
        return Task.CompletedTask;
    }
}
