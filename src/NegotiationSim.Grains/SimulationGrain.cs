using NegotiationSim.Core.Country;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Grains;

/// <summary>One run: creates its country and market grains, then runs the core coordinator against them round by round.</summary>
public sealed class SimulationGrain : Grain, ISimulationGrain
{
    private Simulation? _simulation;
    private GrainHost? _host;

    public async Task StartAsync(Scenario scenario)
    {
        var runId = this.GetPrimaryKeyString();
        var world = scenario.World;
        var bases = Calibration.Build(world);
        await Task.WhenAll(Enumerable.Range(0, world.CountryCount).Select(i =>
            GrainFactory.GetGrain<ICountryGrain>($"{runId}/{i}").InitAsync(scenario, CountryBase.From(bases, i), i)));
        await Task.WhenAll(Enumerable.Range(0, world.Minerals.Count).Select(m =>
            GrainFactory.GetGrain<IMarketGrain>($"{runId}/{m}").InitAsync(scenario, m)));
        _host = new GrainHost(GrainFactory, runId, world.CountryCount, world.Minerals.Count);
        _simulation = new Simulation(scenario, _host);
    }

    public Task<long> GrainCallsAsync() => Task.FromResult(_host?.Calls ?? 0);

    public Task<RoundReport> RunRoundAsync(int round) =>
        (_simulation ?? throw new InvalidOperationException("simulation grain used before StartAsync")).RunRoundAsync(round);

    public Task<RoundReport> RunRoundAsync(int round, RoundDirectives directives) =>
        (_simulation ?? throw new InvalidOperationException("simulation grain used before StartAsync")).RunRoundAsync(round, directives);

    public Task<double[]> ValueAdmissionAsync(int applicant) =>
        (_simulation ?? throw new InvalidOperationException("simulation grain used before StartAsync")).ValueAdmissionAsync(applicant);

    public Task<OfferValue> ValueOfferAsync(int buyer, int seller, int mineral, NegotiationSim.Core.World.Stage stage, int outcome) =>
        (_simulation ?? throw new InvalidOperationException("simulation grain used before StartAsync")).ValueOfferAsync(buyer, seller, mineral, stage, outcome);
}
