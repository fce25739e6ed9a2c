using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Random;

namespace NegotiationSim.Core.Tests.Negotiation;

/// <summary>Properties of the mediated session (issue 3): agreements beat no deal for both, offers stay in the space, deadlines hold.</summary>
public sealed class SessionPropertyTests
{
    private const int Cases = 150;

    public sealed record SessionCase(int Seed, int Pairs, double ReservationA, double ReservationB, int Steps, int Rounds,
        int? HardDeadline, int StrategyA, int StrategyB, bool AOpens, bool Complete)
    {
        public override string ToString() =>
            $"seed {Seed}, {Pairs} pairs, û ({ReservationA}, {ReservationB}), K {Steps} × H {Rounds}, hard {HardDeadline}, strategies {StrategyA}/{StrategyB}";
    }

    public static class Generators
    {
        private static readonly Gen<SessionCase> CaseGen =
            from seed in Gen.Choose(0, 100_000)
            from pairs in Gen.Choose(1, 30)
            from ra in Gen.Choose(-20, 90)
            from rb in Gen.Choose(-20, 90)
            from steps in Gen.Choose(1, 20)
            from rounds in Gen.Choose(1, 4)
            from hard in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 40).Select(h => (int?)h)))
            from sa in Gen.Choose(0, Strategies.Length - 1)
            from sb in Gen.Choose(0, Strategies.Length - 1)
            from opens in Gen.Elements(true, false)
            from complete in Gen.Elements(true, false)
            select new SessionCase(seed, pairs, ra / 100.0, rb / 100.0, steps, rounds, hard, sa, sb, opens, complete);

        public static Arbitrary<SessionCase> Cases() => Arb.From(CaseGen);
    }

    /// <summary>The built-ins plus a reckless strategy that offers anything (even outside the space), accepts at random, walks or throws.</summary>
    private static readonly Func<int, INegotiationStrategy>[] Strategies =
    [
        _ => new BoulwareStrategy(), _ => new LinearStrategy(), _ => new ConcederStrategy(), _ => new TitForTatStrategy(),
        _ => new RubinsteinStrategy(), seed => new Reckless(seed),
    ];

    private static (BargainingSession Session, SessionOutcome Outcome) Run(SessionCase c)
    {
        var (space, a, b) = Domains.Symmetric(c.Seed, c.Pairs);
        var setup = new SessionSetup("A", "B", space, a, b, c.ReservationA, c.ReservationB, 0.97, 0.9, c.Steps, c.Rounds,
            c.HardDeadline, c.AOpens, c.Complete);
        var session = new BargainingSession(setup, Strategies[c.StrategyA](c.Seed), Strategies[c.StrategyB](c.Seed + 1));
        for (var r = 1; r <= c.Rounds + 1 && session.Advance(c.Steps, r) == SessionStatus.Running; r++) { }
        return (session, session.Outcome());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Cases)]
    public void Agreement_AnyStrategies_AtOrAboveBothReservationValues(SessionCase c)
    {
        var (session, outcome) = Run(c);
        if (outcome.Agreement is not { } o) return;
        Assert.True(session.Setup.UtilityA[o] >= c.ReservationA, $"A gets {session.Setup.UtilityA[o]} < û_A {c.ReservationA}");
        Assert.True(session.Setup.UtilityB[o] >= c.ReservationB, $"B gets {session.Setup.UtilityB[o]} < û_B {c.ReservationB}");
        Assert.Contains(o, session.Zopa);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Cases)]
    public void Offers_AnyStrategies_AllLieInTheOutcomeSpace(SessionCase c)
    {
        var (session, _) = Run(c);
        Assert.All(session.Transcript, r => Assert.True(session.Setup.Space.Contains(r.Outcome), $"offer {r.Outcome} outside 0..{session.Setup.Space.Count - 1}"));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = Cases)]
    public void Session_AnyStrategies_NeverRunsPastItsDeadline(SessionCase c)
    {
        var (session, outcome) = Run(c);
        var deadline = session.Setup.Deadline;
        Assert.True(deadline <= c.Steps * c.Rounds && (c.HardDeadline is not { } h || deadline <= h));
        Assert.NotEqual(SessionStatus.Running, outcome.Status);
        Assert.True(session.Transcript.Count <= deadline, $"{session.Transcript.Count} offers with a deadline of {deadline}");
        Assert.True(outcome.Steps <= deadline);
        if (outcome.Status == SessionStatus.Agreed) Assert.True(outcome.Steps < deadline);
    }

    /// <summary>Draws every decision from a seeded stream: a stand-in for a careless user strategy.</summary>
    private sealed class Reckless(int seed) : INegotiationStrategy
    {
        private DrawStream _draws = new(seed, 0, Phase.Negotiate, 7);

        public int Propose(ISessionView view)
        {
            var u = _draws.NextDouble();
            if (u < 0.03) throw new InvalidOperationException("reckless strategy gave up");
            return u < 0.08 ? view.Space.Count + _draws.NextInt(3) : _draws.NextInt(view.Space.Count);
        }

        public Response Respond(ISessionView view, int offer)
        {
            var u = _draws.NextDouble();
            return u < 0.05 ? Response.EndSession : u < 0.5 ? Response.Accept : Response.Reject;
        }
    }
}
