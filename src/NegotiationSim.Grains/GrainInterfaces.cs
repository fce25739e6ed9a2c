using NegotiationSim.Core.Country;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Grains;

/// <summary>One run's clock: drives the phases of each round against the country and market grains. Key: run id.</summary>
[Alias("negsim.simulation")]
public interface ISimulationGrain : IGrainWithStringKey
{
    [Alias("start")] Task StartAsync(Scenario scenario);
    [Alias("round")] Task<RoundReport> RunRoundAsync(int round);
    /// <summary>A round with people's decisions in it (the classroom war-game); see <see cref="RoundDirectives"/>.</summary>
    [Alias("round-directed")] Task<RoundReport> RunRoundAsync(int round, RoundDirectives directives);
    /// <summary>What a deal outcome is worth to its buyer and seller on the last round's market.</summary>
    [Alias("value-offer")] Task<OfferValue> ValueOfferAsync(int buyer, int seller, int mineral, NegotiationSim.Core.World.Stage stage, int outcome);
    /// <summary>Per country, its welfare change in $/month if the bloc admitted the applicant, on the last round's market.</summary>
    [Alias("value-admission")] Task<double[]> ValueAdmissionAsync(int applicant);
    /// <summary>Grain calls the coordinator has made so far (country, market and stockpile calls).</summary>
    [Alias("calls")] Task<long> GrainCallsAsync();
}

/// <summary>One country in one run. Key: "{run}/{country index}".</summary>
[Alias("negsim.country")]
public interface ICountryGrain : IGrainWithStringKey
{
    [Alias("init")] Task InitAsync(Scenario scenario, CountryBase bases, int id);
    [Alias("exogenous")] Task<CountryOffer> ExogenousAsync(ExogenousInput input);
    [Alias("settle")] Task<CountrySnapshot> SettleAsync(CountryMarketResult result);
    [Alias("stockpile")] Task StartStockpileAsync(StockpileProgramme programme);
    [Alias("order-capacity")] Task OrderCapacityAsync(CapacityOrder order);
}

/// <summary>One mineral's three markets in one run. Key: "{run}/{mineral index}".</summary>
[Alias("negsim.market")]
public interface IMarketGrain : IGrainWithStringKey
{
    [Alias("init")] Task InitAsync(Scenario scenario, int mineral);
    [Alias("clear")] Task<MineralResult> ClearAsync(MineralRoundInput input);
    [Alias("appraise")] Task<double[]> AppraiseMembershipAsync(bool[] members, double[] floors);
    [Alias("appraise-admission")] Task<double[]> AppraiseAdmissionAsync(bool[] members, double[] floors, int applicant);
    [Alias("s232")] Task<double[]> Section232LossesAsync(IReadOnlyList<Section232Probe> probes);
    [Alias("tariff-cuts")] Task<double[]> TariffCutGainsAsync(IReadOnlyList<TariffCutProbe> probes);
}
