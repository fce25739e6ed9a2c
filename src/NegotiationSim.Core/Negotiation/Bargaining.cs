namespace NegotiationSim.Core.Negotiation;

/// <summary>The benchmarks of MODEL.md §3.3 and §3.5: ZOPA, Pareto frontier, Nash bargaining point, Rubinstein split.</summary>
public static class Bargaining
{
    /// <summary>Outcomes both sides weakly prefer to no deal.</summary>
    public static int[] Zopa(double[] uA, double[] uB, double rA, double rB)
    {
        var zopa = new List<int>();
        for (var o = 0; o < uA.Length; o++) if (uA[o] >= rA && uB[o] >= rB) zopa.Add(o);
        return zopa.ToArray();
    }

    /// <summary>argmax (U_A − û_A)(U_B − û_B) over the ZOPA (lowest outcome number on ties); null when the ZOPA is empty.</summary>
    public static int? NashPoint(double[] uA, double[] uB, double rA, double rB)
    {
        int? best = null;
        var product = double.NegativeInfinity;
        for (var o = 0; o < uA.Length; o++)
        {
            if (uA[o] < rA || uB[o] < rB) continue;
            var p = (uA[o] - rA) * (uB[o] - rB);
            if (p > product) { product = p; best = o; }
        }
        return best;
    }

    /// <summary>Outcomes no other outcome beats for one side without hurting the other, sorted by U_A descending.</summary>
    public static int[] ParetoFrontier(double[] uA, double[] uB)
    {
        var order = new int[uA.Length];
        for (var o = 0; o < order.Length; o++) order[o] = o;
        Array.Sort(order, (x, y) => uA[x] != uA[y] ? uA[y].CompareTo(uA[x]) : uB[x] != uB[y] ? uB[y].CompareTo(uB[x]) : x.CompareTo(y));
        var front = new List<int>();
        var bestB = double.NegativeInfinity;
        foreach (var o in order)
        {
            if (uB[o] <= bestB) continue;
            front.Add(o);
            bestB = uB[o];
        }
        return front.ToArray();
    }

    /// <summary>Rubinstein (1982): the first proposer's share of the surplus, (1 − δ_B)/(1 − δ_A·δ_B).</summary>
    public static double RubinsteinShare(double deltaProposer, double deltaResponder) =>
        RubinsteinStrategy.ProposerShare(deltaProposer, deltaResponder);

    /// <summary>Euclidean distance in the plane of normalised utilities.</summary>
    public static double Distance((double A, double B) x, (double A, double B) y) =>
        Math.Sqrt((x.A - y.A) * (x.A - y.A) + (x.B - y.B) * (x.B - y.B));
}
