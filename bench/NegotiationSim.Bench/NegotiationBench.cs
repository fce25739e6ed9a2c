using System.Diagnostics;
using System.Globalization;
using NegotiationSim.Cli;
using NegotiationSim.Core.Negotiation;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Random;

namespace NegotiationSim.Bench;

/// <summary>
/// The issue's two negotiation numbers: sessions per second for a two-party 16-step session in the core alone (on the
/// ~10⁴-outcome deal space, frequency-model opponents), and the negotiation share of round time in a scenario on the
/// grains engine (the run with negotiation against the same run without it).
/// </summary>
public static class NegotiationBench
{
    public static void CoreSessions(int sessions)
    {
        var space = DealSpace.Standard;
        var setups = Enumerable.Range(0, 16).Select(seed => RandomDeal(space, seed)).ToArray();
        // Warm up the JIT and the space's level table.
        for (var k = 0; k < 4; k++) Run(setups[k]);
        var agreed = 0;
        var steps = 0L;
        // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var k = 0; k < sessions; k++)
        {
            var outcome = Run(setups[k % setups.Length]);
            if (outcome.Status == SessionStatus.Agreed) agreed++;
            steps += outcome.Steps + 1;
        }
        var s = sw.Elapsed.TotalSeconds;
        var c = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"core: {sessions} sessions of {space.Count} outcomes, K = 16 steps: {sessions / s:F0} sessions/s wall ({1000 * s / sessions:F2} ms each), {sessions / c:F0} sessions per CPU second; {steps / (double)sessions:F1} offers per session, {agreed} agreed"));
    }

    private static SessionOutcome Run(SessionSetup setup)
    {
        var session = new BargainingSession(setup, new BoulwareStrategy(), new ConcederStrategy());
        session.Advance(setup.StepsPerRound, 1);
        return session.Outcome();
    }

    /// <summary>Additive utilities with opposed weights on each issue, from a seeded stream.</summary>
    private static SessionSetup RandomDeal(OutcomeSpace space, int seed)
    {
        var draws = new DrawStream(seed, 1, Phase.Negotiate, 0);
        var k = space.Issues.Count;
        var wa = Enumerable.Range(0, k).Select(_ => draws.NextDouble() - 0.3).ToArray();
        var wb = wa.Select(w => -w + 0.3 * (draws.NextDouble() - 0.2)).ToArray();
        var a = new double[space.Count];
        var b = new double[space.Count];
        for (var o = 0; o < space.Count; o++)
            for (var i = 0; i < k; i++)
            {
                var x = (double)space.Level(o, i) / Math.Max(1, space.Issues[i].Count - 1);
                a[o] += wa[i] * x;
                b[o] += wb[i] * x;
            }
        return new SessionSetup("A", "B", space, a, b, 0, 0, 0.97, 0.97, 16, 1);
    }

    public static async Task ShareOfRoundTime(Scenario scenario, EngineKind engine)
    {
        if (scenario.Negotiation is null)
        {
            Console.WriteLine($"{scenario.Name} has no negotiation section: nothing to compare");
            return;
        }
        var without = scenario with { Negotiation = null };
        // Alternate the two runs and keep each one's best, so a busy machine biases neither.
        var best = new[] { double.MaxValue, double.MaxValue };
        var sessions = 0;
        var deals = 0;
        for (var repeat = 0; repeat < 2; repeat++)
        {
            foreach (var (s, slot) in new[] { (scenario, 0), (without, 1) })
            {
                var (ended, signed) = (0, 0);
                var sw = Stopwatch.StartNew();
                await Engines.RunAsync(s, engine, r =>
                {
                    ended += r.Sessions.Count;
                    signed += r.Deals.Count(d => d.Status == "signed");
                });
                best[slot] = Math.Min(best[slot], sw.Elapsed.TotalSeconds);
                if (slot == 0) (sessions, deals) = (ended, signed);
            }
        }
        Console.WriteLine(FormattableString.Invariant(
            $"{engine}: {scenario.Rounds} rounds with negotiation {best[0]:F2} s, without {best[1]:F2} s: negotiation {Math.Max(0, 1 - best[1] / best[0]):P1} of round time ({sessions} sessions ended, {deals} deals signed)"));
    }
}
