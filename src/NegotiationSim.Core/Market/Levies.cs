namespace NegotiationSim.Core.Market;

/// <summary>The bloc's variable levy (MODEL.md §2.4).</summary>
public static class Levies
{
    /// <summary>
    /// ℓ = max(0, r / fob − (1 + t + t232)), where fob = p_i(1+τ)(1+e+μ−sub): the levy that lands an outsider's
    /// duty-paid price exactly on the floor r when the market price is below it, and zero otherwise.
    /// </summary>
    public static double Required(double floor, double fobAtBorder, double existingDuties)
    {
        if (double.IsNaN(floor) || fobAtBorder <= 0) return 0;
        return Math.Max(0, floor / fobAtBorder - (1 + existingDuties));
    }
}
