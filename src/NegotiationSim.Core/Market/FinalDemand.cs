namespace NegotiationSim.Core.Market;

/// <summary>
/// Final ("other use") demand as a function of the price index P (1 at base): constant elasticity ε up to a choke
/// index, then a much more elastic branch [A]. Short-run mineral demand is very inelastic (ε ≈ −0.1), so a supply cut
/// of most of a market would otherwise send prices up a thousandfold; past a few times the base price, buyers thrift,
/// substitute and postpone, which the steeper branch stands for. Below the choke index it is exactly MODEL.md §2.2.
/// </summary>
public static class FinalDemand
{
    public const double ChokeIndex = 3.0;
    public const double ChokeElasticity = -1.5;

    public static double Factor(double index, double eps) =>
        index <= ChokeIndex ? Math.Pow(index, eps) : Math.Pow(ChokeIndex, eps) * Math.Pow(index / ChokeIndex, ChokeElasticity);

    public static double Elasticity(double index, double eps) => index <= ChokeIndex ? eps : ChokeElasticity;

    /// <summary>∫₁ᴾ Factor(x) dx: the consumer-surplus loss per $ of base spending when the index moves from 1 to P.</summary>
    public static double Integral(double index, double eps)
    {
        static double Power(double a, double b, double e) =>
            Math.Abs(1 + e) < 1e-12 ? Math.Log(b / a) : (Math.Pow(b, 1 + e) - Math.Pow(a, 1 + e)) / (1 + e);
        if (index <= ChokeIndex) return Power(1, index, eps);
        var scale = Math.Pow(ChokeIndex, eps - ChokeElasticity);
        return Power(1, ChokeIndex, eps) + scale * Power(ChokeIndex, index, ChokeElasticity);
    }
}
