namespace NegotiationSim.Core.Market;

/// <summary>
/// Constant-elasticity supply in the value-added price with a soft capacity cap (MODEL.md §2.2):
/// Y^u = Y0u·(v/v0)^η, Y = Y^u / (1 + (Y^u/(u_max·K))^ρ)^(1/ρ).
/// </summary>
public static class SupplyCurve
{
    public static double Output(double uncappedBase, double valueAdded, double baseValueAdded, double eta, double capacity)
    {
        if (valueAdded <= 0 || uncappedBase <= 0 || capacity <= 0) return 0;
        var yu = uncappedBase * Math.Pow(valueAdded / baseValueAdded, eta);
        return Cap(yu, capacity);
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

    /// <summary>d ln Y / d ln p: the cap's damping times η times p/v.</summary>
    public static double Elasticity(double uncapped, double capacity, double eta, double price, double valueAdded)
    {
        if (valueAdded <= 0 || uncapped <= 0) return 0;
        var r = Math.Pow(uncapped / (Calibration.MaxUtilisation * capacity), Calibration.CapCurvature);
        return eta / (1 + r) * price / valueAdded;
    }
}
