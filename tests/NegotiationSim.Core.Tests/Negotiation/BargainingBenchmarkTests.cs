using NegotiationSim.Core.Negotiation;

namespace NegotiationSim.Core.Tests.Negotiation;

/// <summary>MODEL.md §8 V2: the bargaining benchmarks the strategies must reproduce.</summary>
public sealed class BargainingBenchmarkTests
{
    [Theory]
    [InlineData(0.9, 0.8, 0.7143)]
    [InlineData(0.95, 0.95, 0.5128)]
    [InlineData(0.99, 0.9, 0.9174)]
    public void Rubinstein_SpeAgainstSpe_SplitsAtTheBenchmarkInTheFirstStep(double deltaA, double deltaB, double expected)
    {
        // Given the split-the-pie domain on a fine grid, one offer per round, discounted per round
        var space = OutcomeSpace.Pie(10_000);
        var a = Enumerable.Range(0, space.Count).Select(o => space.Value(o, 0)).ToArray();
        var b = a.Select(x => 1 - x).ToArray();
        var setup = Domains.Setup(space, a, b, 0, 0, steps: 1, rounds: 20, deltaA: deltaA, deltaB: deltaB);

        // When both play the subgame-perfect strategy
        var outcome = Domains.Run(setup, new RubinsteinStrategy(), new RubinsteinStrategy());

        // Then A's first offer is accepted at once with A's share at (1 − δ_B)/(1 − δ_A·δ_B), up to one grid step
        var exact = Bargaining.RubinsteinShare(deltaA, deltaB);
        Assert.Equal(expected, exact, 4);
        Assert.Equal(SessionStatus.Agreed, outcome.Status);
        Assert.Equal(0, outcome.Steps);
        Assert.InRange(outcome.UtilityA, exact, exact + 1e-4);
        Assert.InRange(outcome.UtilityB, 1 - exact - 1e-4, 1 - exact);
    }

    [Fact]
    public void Session_EmptyZopa_NoAgreementWhateverTheStrategies()
    {
        var strategies = StrategyPairs();
        for (var seed = 0; seed < 20; seed++)
        {
            var (space, a, b) = Domains.Symmetric(seed, 15);
            // Reservation values above what any outcome gives both at once: x + y ≤ 1.15 here, so 0.6 + 0.6 is out of reach.
            var setup = Domains.Setup(space, a, b, 0.6, 0.6, steps: 20);
            Assert.Empty(Bargaining.Zopa(a, b, 0.6, 0.6));
            foreach (var (x, y) in strategies)
            {
                var outcome = Domains.Run(setup, x(), y());
                Assert.NotEqual(SessionStatus.Agreed, outcome.Status);
                Assert.Equal(0.6, outcome.UtilityA);
                Assert.Null(outcome.NashPoint);
            }
        }
    }

    [Fact]
    public void TimeDependent_BoulwareAgainstConceder_BoulwareDoesBetterInNineOfTenSymmetricDomains()
    {
        const int domains = 200;
        var wins = 0;
        for (var seed = 0; seed < domains; seed++)
        {
            var (space, a, b) = Domains.Symmetric(seed, 25);
            // Alternate who opens so the first-mover advantage cancels out.
            var setup = Domains.Setup(space, a, b, 0.1, 0.1, steps: 20, aOpens: seed % 2 == 0);
            var outcome = Domains.Run(setup, new BoulwareStrategy(), new ConcederStrategy());
            var session = new BargainingSession(setup, new BoulwareStrategy(), new ConcederStrategy());
            var boulware = outcome.Agreement is { } o ? session.NormalisedA(o) : 0;
            var conceder = outcome.Agreement is { } p ? session.NormalisedB(p) : 0;
            if (boulware > conceder) wins++;
        }
        Assert.True(wins >= 0.9 * domains, $"Boulware beat Conceder in {wins} of {domains} domains");
    }

    [Fact]
    public void TimeDependent_BoulwarePairVersusConcederPair_BoulwaresAgreeLessOftenAndLater()
    {
        const int domains = 200;
        var (bbAgreed, ccAgreed, bbSteps, ccSteps) = (0, 0, 0.0, 0.0);
        for (var seed = 0; seed < domains; seed++)
        {
            var (space, a, b) = Domains.Symmetric(seed, 25);
            // Ten steps: the deadline comes before AC_time (t ≥ 0.95) would make a hard-liner take anything.
            var setup = Domains.Setup(space, a, b, 0.2, 0.2, steps: 10, aOpens: seed % 2 == 0);
            var bb = Domains.Run(setup, new BoulwareStrategy(), new BoulwareStrategy());
            var cc = Domains.Run(setup, new ConcederStrategy(), new ConcederStrategy());
            if (bb.Status == SessionStatus.Agreed) { bbAgreed++; bbSteps += bb.Steps; }
            if (cc.Status == SessionStatus.Agreed) { ccAgreed++; ccSteps += cc.Steps; }
        }
        Assert.True(bbAgreed < ccAgreed, $"Boulware pairs agreed {bbAgreed} times, Conceder pairs {ccAgreed}");
        Assert.True(bbSteps / bbAgreed > ccSteps / ccAgreed, $"mean agreement step: Boulware {bbSteps / bbAgreed:F2}, Conceder {ccSteps / ccAgreed:F2}");
    }

    [Fact]
    public void Nash_SymmetricPie_SplitsInHalfAndAgreementsReportTheirDistance()
    {
        var space = OutcomeSpace.Pie(100);
        var a = Enumerable.Range(0, space.Count).Select(o => space.Value(o, 0)).ToArray();
        var b = a.Select(x => 1 - x).ToArray();
        Assert.Equal(50, Bargaining.NashPoint(a, b, 0, 0));
        var outcome = Domains.Run(Domains.Setup(space, a, b, 0, 0, steps: 20), new BoulwareStrategy(), new ConcederStrategy());
        Assert.Equal(SessionStatus.Agreed, outcome.Status);
        var expected = Bargaining.Distance((outcome.UtilityA, outcome.UtilityB), (0.5, 0.5));
        Assert.Equal(expected, outcome.DistanceToNash!.Value, 9);
        Assert.Equal(0, outcome.DistanceToPareto!.Value, 9);
    }

    internal static (Func<INegotiationStrategy>, Func<INegotiationStrategy>)[] StrategyPairs()
    {
        Func<INegotiationStrategy>[] all = [() => new BoulwareStrategy(), () => new LinearStrategy(), () => new ConcederStrategy(),
            () => new TitForTatStrategy(), () => new RubinsteinStrategy()];
        return all.SelectMany(x => all.Select(y => (x, y))).ToArray();
    }
}
