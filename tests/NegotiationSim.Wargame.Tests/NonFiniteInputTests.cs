using System.Net;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>NaN and ±Infinity pass range checks like `x is &lt;= 0 or &gt; 1`; they are refused by name, never a 500.</summary>
public sealed class NonFiniteInputTests : IDisposable
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-nonfinite-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("severity", "NaN")]
    [InlineData("severity", "Infinity")]
    [InlineData("rate", "-Infinity")]
    [InlineData("rate", "NaN")]
    public async Task Inject_WithANonFiniteNumber_IsA400NamingTheFieldAndNothingIsJournaled(string field, string value)
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var before = host.Session.Game.Inputs.Count;
        var body = new Dictionary<string, object> { ["kind"] = field == "rate" ? "section232" : "disruption", ["country"] = "CHN", ["mineral"] = "gallium", [field] = value };
        var r = await host.Instructor("POST inject", body);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal($"{field}: a finite number", await WargameServer.ErrorOf(r));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
    }

    [Fact]
    public void Game_RefusesAnInjectedEventWithANonFiniteNumber_ButNotTheStockpilesNotGivenNaN()
    {
        var game = GameTests.NewGame();
        Assert.Equal("severity: a finite number", game.Check(new EventInjected(T0, 1, new Disruption(1, 1, 0, Stage.Refined, double.NaN, 3))));
        Assert.Equal("credibility: a finite number", game.Check(new EventInjected(T0, 1, new Section232Threat(1, [0], [Stage.Refined], 0.25, double.PositiveInfinity, 4))));
        Assert.Equal("budget: a finite number", game.Check(new EventInjected(T0, 1, new StockpileProgramme(1, 3, double.NaN, [0], 0.05, 0.15, 0.5))));
        var stockpile = new EventInjected(T0, 1, new StockpileProgramme(1, 3, 1e9, [0], 0.05, 0.15, 0.5)); // BuyBelow NaN: not given
        Assert.Null(game.Check(stockpile));
        game.Apply(stockpile);

        // The journal writes and reads back the NaN that means "not given" instead of throwing on it.
        var path = Path.Combine(_dir, "game.jsonl");
        using (var journal = Journal.Open(path))
            foreach (var input in game.Inputs) journal.Append(input);
        using var reopened = Journal.Open(path);
        var back = Assert.IsType<StockpileProgramme>(Assert.IsType<EventInjected>(reopened.Inputs[^1]).Event);
        Assert.True(double.IsNaN(back.BuyBelow));
    }

    [Fact]
    public async Task Inject_TheScenariosOwnStockpile_IsJournaledNotA500()
    {
        var forge = Path.Combine(WargameServer.Repo(), "scenarios", "forge-ministerial-2026.yaml");
        await using var host = await WargameServer.StartAsync(forge, Rules);
        var menu = EventMenu.Menu(host.Session.Scenario).ToList();
        var k = menu.FindIndex(m => m.StartsWith("stockpile", StringComparison.Ordinal));
        Assert.True(k >= 0, string.Join("\n", menu));
        var r = await host.Instructor("POST inject", new { menu = k });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        // The programme, brought forward, comes with its withdrawal from its own round (it starts once).
        Assert.IsType<StockpileProgramme>(Assert.IsType<EventInjected>(host.Session.Game.Inputs[^2]).Event);
        Assert.Equal(k, Assert.IsType<EventWithdrawn>(Assert.IsType<EventInjected>(host.Session.Game.Inputs[^1]).Event).Index);
    }
}
