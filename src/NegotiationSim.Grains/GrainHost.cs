using NegotiationSim.Core.Country;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Grains;

/// <summary>The coordinator's view of a run whose countries and markets are grains: fan out, wait, answer in world order.</summary>
internal sealed class GrainHost(IGrainFactory grains, string runId, int countries, int minerals) : IRunHost
{
    public long Calls { get; private set; }

    private ICountryGrain Country(int i) => grains.GetGrain<ICountryGrain>($"{runId}/{i}");
    private IMarketGrain Market(int m) => grains.GetGrain<IMarketGrain>($"{runId}/{m}");

    public async Task<IReadOnlyList<CountryOffer>> ExogenousAsync(IReadOnlyList<ExogenousInput> inputs)
    {
        Calls += countries;
        return await Task.WhenAll(Enumerable.Range(0, countries).Select(i => Country(i).ExogenousAsync(inputs[i])));
    }

    public async Task<IReadOnlyList<MineralResult>> ClearAsync(IReadOnlyList<MineralRoundInput> inputs)
    {
        Calls += minerals;
        return await Task.WhenAll(Enumerable.Range(0, minerals).Select(m => Market(m).ClearAsync(inputs[m])));
    }

    public async Task<IReadOnlyList<double[]>> AppraiseMembershipAsync(bool[] members, double[] floors)
    {
        Calls += minerals;
        return await Task.WhenAll(Enumerable.Range(0, minerals).Select(m => Market(m).AppraiseMembershipAsync(members, floors)));
    }

    public async Task<IReadOnlyList<double[]>> AppraiseAdmissionAsync(bool[] members, double[] floors, int applicant)
    {
        Calls += minerals;
        return await Task.WhenAll(Enumerable.Range(0, minerals).Select(m => Market(m).AppraiseAdmissionAsync(members, floors, applicant)));
    }

    public async Task<IReadOnlyList<double[]>> Section232LossesAsync(IReadOnlyList<Section232Probe> probes)
    {
        Calls += minerals;
        return await Task.WhenAll(Enumerable.Range(0, minerals).Select(m => Market(m).Section232LossesAsync(probes)));
    }

    public async Task<IReadOnlyList<double[]>> TariffCutGainsAsync(IReadOnlyList<TariffCutProbe> probes)
    {
        // Only the minerals the probes name have anything to value; the others answer zeros, as on the reference engine.
        var named = probes.Select(p => p.Mineral).Distinct().Order().ToArray();
        Calls += named.Length;
        var answers = await Task.WhenAll(named.Select(m => Market(m).TariffCutGainsAsync(probes)));
        var gains = Enumerable.Range(0, minerals).Select(_ => new double[probes.Count * 2]).ToArray();
        for (var k = 0; k < named.Length; k++) gains[named[k]] = answers[k];
        return gains;
    }

    public async Task OrderCapacityAsync(IReadOnlyList<CapacityOrder> orders)
    {
        Calls += orders.Count;
        foreach (var o in orders) await Country(o.Country).OrderCapacityAsync(o);
    }

    public async Task<IReadOnlyList<CountrySnapshot>> SettleAsync(IReadOnlyList<CountryMarketResult> results)
    {
        Calls += countries;
        return await Task.WhenAll(Enumerable.Range(0, countries).Select(i => Country(i).SettleAsync(results[i])));
    }

    public Task StartStockpileAsync(StockpileProgramme programme)
    {
        Calls++;
        return Country(programme.Country).StartStockpileAsync(programme);
    }
}
