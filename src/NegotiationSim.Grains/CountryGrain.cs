using NegotiationSim.Core.Country;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Grains;

/// <summary>Holds one country's state; every decision is a call into <see cref="CountryModel"/>.</summary>
public sealed class CountryGrain : Grain, ICountryGrain
{
    private CountryModel? _model;

    private CountryModel Model => _model ?? throw new InvalidOperationException("country grain used before InitAsync");

    public Task InitAsync(Scenario scenario, CountryBase bases, int id)
    {
        _model = new CountryModel(scenario, bases, id);
        return Task.CompletedTask;
    }

    public Task<CountryOffer> ExogenousAsync(ExogenousInput input) => Task.FromResult(Model.Exogenous(input));

    public Task<CountrySnapshot> SettleAsync(CountryMarketResult result) => Task.FromResult(Model.Settle(result));

    public Task OrderCapacityAsync(Core.Engine.CapacityOrder order)
    {
        Model.OrderCapacity(order);
        return Task.CompletedTask;
    }

    public Task StartStockpileAsync(StockpileProgramme programme)
    {
        Model.StartStockpile(programme);
        return Task.CompletedTask;
    }
}
