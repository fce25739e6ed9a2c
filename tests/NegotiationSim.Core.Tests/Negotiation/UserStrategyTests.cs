using NegotiationSim.Core.Negotiation;

namespace NegotiationSim.Core.Tests.Negotiation;

/// <summary>Strategies from a user's own assembly: found by name, run in sessions, and stopped cleanly when they misbehave.</summary>
public sealed class UserStrategyTests
{
    private static string SampleAssembly => Path.Combine(AppContext.BaseDirectory, "NegotiationSim.SampleStrategy.dll");

    private static SessionSetup Pie()
    {
        var space = OutcomeSpace.Pie(100);
        var a = Enumerable.Range(0, space.Count).Select(o => space.Value(o, 0)).ToArray();
        return Domains.Setup(space, a, a.Select(x => 1 - x).ToArray(), 0, 0, steps: 20);
    }

    [Fact]
    public void Catalog_SampleAssembly_RunsTheReadmeExampleByName()
    {
        var catalog = StrategyCatalog.Load([SampleAssembly]);
        Assert.Contains("SplitTheDifferenceStrategy", catalog.Names);

        var outcome = Domains.Run(Pie(), catalog.Create("splitthedifference"), catalog.Create("conceder"));

        // The example asks for at least half of the pie and a Conceder gives in: A ends with exactly half or more.
        Assert.Equal(SessionStatus.Agreed, outcome.Status);
        Assert.InRange(outcome.UtilityA, 0.5, 1);
    }

    [Fact]
    public void Catalog_UnknownName_ErrorListsTheAvailableStrategies()
    {
        var catalog = StrategyCatalog.Load([SampleAssembly]);
        var e = Assert.Throws<StrategyException>(() => catalog.Create("bulware"));
        Assert.Equal("unknown strategy 'bulware'; available: boulware, linear, conceder, tit-for-tat, rubinstein, SplitTheDifferenceStrategy", e.Message);
    }

    [Fact]
    public void Catalog_MissingAssembly_SaysWhichFile()
    {
        var e = Assert.Throws<StrategyException>(() => StrategyCatalog.Load(["no-such-strategies.dll"]));
        Assert.StartsWith("cannot load strategy assembly 'no-such-strategies.dll'", e.Message);
    }

    [Theory]
    [InlineData("Throwing", "USA's strategy failed: InvalidOperationException: my model is not calibrated")]
    [InlineData("Spinning", "USA's strategy failed: StrategyBudgetException: more than 1,000,000 outcome evaluations in one decision")]
    public void Session_UserStrategyMisbehaves_EndsWalkedAwayWithTheError(string name, string note)
    {
        var catalog = StrategyCatalog.Load([typeof(UserStrategyTests).Assembly.Location]);
        var setup = Pie() with { A = "USA" };

        var outcome = Domains.Run(setup, catalog.Create(name), new BoulwareStrategy());

        Assert.Equal(SessionStatus.WalkedAway, outcome.Status);
        Assert.Equal(note, outcome.Note);
        Assert.Equal(0, outcome.UtilityA);
    }
}

/// <summary>A user strategy with a bug: it throws when asked to propose.</summary>
public sealed class ThrowingStrategy : INegotiationStrategy
{
    public int Propose(ISessionView view) => throw new InvalidOperationException("my model is not calibrated");
    public Response Respond(ISessionView view, int offer) => Response.Reject;
}

/// <summary>A user strategy that never stops evaluating outcomes.</summary>
public sealed class SpinningStrategy : INegotiationStrategy
{
    public int Propose(ISessionView view)
    {
        var sum = 0.0;
        for (var k = 0; ; k = (k + 1) % view.Space.Count) sum += view.Utility(k);
    }

    public Response Respond(ISessionView view, int offer) => Response.Reject;
}
