using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Random;

namespace NegotiationSim.Core.Tests.Negotiation;

/// <summary>Random bargaining domains for the V2 benchmarks and the session properties, from a seeded stream.</summary>
internal static class Domains
{
    /// <summary>
    /// A symmetric domain: n random (x, y) utility pairs plus their mirrors (y, x), so neither side is favoured by the
    /// domain itself; two issues (the pair and the mirror flag) so the outcome space has structure.
    /// </summary>
    public static (OutcomeSpace Space, double[] A, double[] B) Symmetric(int seed, int pairs)
    {
        var draws = new DrawStream(seed, 1, Phase.Negotiate, 0);
        var space = new OutcomeSpace([
            new Issue("pair", Enumerable.Range(0, pairs).Select(k => (double)k).ToArray(), Enumerable.Range(0, pairs).Select(k => $"p{k}").ToArray()),
            new Issue("mirror", [0, 1], ["no", "yes"])]);
        var a = new double[space.Count];
        var b = new double[space.Count];
        for (var k = 0; k < pairs; k++)
        {
            // Points near the anti-diagonal, as in a real trade-off: what one gains the other mostly loses.
            var x = draws.NextDouble();
            var y = Math.Clamp(1 - x + 0.3 * (draws.NextDouble() - 0.5), 0, 1);
            a[space.Compose(k, 0)] = x; b[space.Compose(k, 0)] = y;
            a[space.Compose(k, 1)] = y; b[space.Compose(k, 1)] = x;
        }
        return (space, a, b);
    }

    public static SessionSetup Setup(OutcomeSpace space, double[] a, double[] b, double rA, double rB, int steps,
        bool aOpens = true, int rounds = 1, double deltaA = 1, double deltaB = 1, bool complete = true) =>
        new("A", "B", space, a, b, rA, rB, deltaA, deltaB, steps, rounds, null, aOpens, complete);

    public static SessionOutcome Run(SessionSetup setup, INegotiationStrategy a, INegotiationStrategy b)
    {
        var session = new BargainingSession(setup, a, b);
        for (var r = 0; r < setup.MaxRounds && session.Advance(setup.StepsPerRound, r + 1) == SessionStatus.Running; r++) { }
        return session.Outcome();
    }
}
