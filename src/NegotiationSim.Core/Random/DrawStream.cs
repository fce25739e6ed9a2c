namespace NegotiationSim.Core.Random;

/// <summary>
/// A small deterministic random stream keyed by (seed, round, phase, subject). Every draw in the model comes
/// from one of these, so the outcome never depends on how many silos or threads ran it, or in what order.
/// SplitMix64: tiny state, good enough statistical quality for a simulation's coin flips, and stable forever.
/// </summary>
public struct DrawStream
{
    private ulong _state;

    public DrawStream(long seed, int round, Phase phase, int subject)
    {
        _state = Mix((ulong)seed);
        _state = Mix(_state ^ (ulong)(uint)round);
        _state = Mix(_state ^ ((ulong)(uint)phase << 32));
        _state = Mix(_state ^ (ulong)(uint)subject * 0x9E3779B97F4A7C15UL);
    }

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public int NextInt(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A seeded permutation of 0..n−1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var k = NextInt(i + 1);
            (order[i], order[k]) = (order[k], order[i]);
        }
        return order;
    }
}

/// <summary>The phases of a round; part of every random stream's key.</summary>
public enum Phase
{
    Events = 1,
    Market = 2,
    Policy = 3,
    Negotiate = 4,
    Invest = 5,
    Report = 6,
}
