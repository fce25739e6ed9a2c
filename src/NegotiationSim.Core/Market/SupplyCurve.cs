namespace NegotiationSim.Core.Market;

/// <summary>
/// Constant-elasticity supply in the value-added price with a soft capacity cap (MODEL.md §2.2):
/// Y^u = Y0u·(v/v0)^η, Y = Y^u / (1 + (Y^u/(u_max·K))^ρ)^(1/ρ).
/// Below a tenth of the base margin plants shut progressively (Y^u falls linearly to zero with v) [A]: cash costs
/// differ across plants, and with η ≈ 0.15 the pure power law would keep 70% of output running at a margin of
/// 10⁻¹ and then drop to nothing, a cliff no solver (or market) crosses gracefully.
/// </summary>
public static class SupplyCurve
{
    public const double ShutdownBand = 0.1;

    /// <summary>Uncapped output at value added v.</summary>
    public static double Uncapped(double uncappedBase, double valueAdded, double baseValueAdded, double eta)
    {
        if (valueAdded <= 0 || uncappedBase <= 0) return 0;
        var ratio = valueAdded / baseValueAdded;
        return uncappedBase * Math.Pow(ratio, eta) * Math.Min(1, ratio / ShutdownBand);
    }

    public static double Output(double uncappedBase, double valueAdded, double baseValueAdded, double eta, double capacity)
    {
        if (capacity <= 0) return 0;
        var yu = Uncapped(uncappedBase, valueAdded, baseValueAdded, eta);
        return yu > 0 ? Cap(yu, capacity) : 0;
    }

    public static double Cap(double uncapped, double capacity)
    {
        var ratio = uncapped / (Calibration.MaxUtilisation * capacity);
        return uncapped / Math.Pow(1 + Math.Pow(ratio, Calibration.CapCurvature), 1 / Calibration.CapCurvature);
    }

    /// <summary>Inverse of the cap: the uncapped output that the cap turns into <paramref name="output"/>.</summary>
    public static double Uncap(double output, double capacity)
    {
        if (output <= 0 || capacity <= 0) return 0;
        var ratio = Math.Min(output / (Calibration.MaxUtilisation * capacity), 0.999);
        return output / Math.Pow(1 - Math.Pow(ratio, Calibration.CapCurvature), 1 / Calibration.CapCurvature);
    }

    /// <summary>d ln Y / d ln p at price p: the cap's damping × (η, plus 1 inside the shutdown band) × p/v.</summary>
    public static double Elasticity(double uncappedBase, double valueAdded, double baseValueAdded, double eta, double capacity, double price)
    {
        if (valueAdded <= 0 || uncappedBase <= 0 || capacity <= 0) return 0;
        var uncapped = Uncapped(uncappedBase, valueAdded, baseValueAdded, eta);
        var r = Math.Pow(uncapped / (Calibration.MaxUtilisation * capacity), Calibration.CapCurvature);
        var inner = eta + (valueAdded < ShutdownBand * baseValueAdded ? 1 : 0);
        return inner / (1 + r) * price / valueAdded;
    }
}
