using System.Globalization;

namespace NegotiationSim.Core.Reports;

/// <summary>A count with its noun, "1 round" or "3 rounds": reasons and console lines are read by people, and a run of one round is common.</summary>
public static class Plural
{
    /// <param name="many">the plural when it is not <paramref name="one"/> + "s" (e.g. "countries").</param>
    public static string Of(long count, string one, string? many = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
