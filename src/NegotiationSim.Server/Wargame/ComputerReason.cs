using System.Globalization;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// How a computer-played country weighs an offer: the share of its possible gain over no deal that the offer gives
/// it, and that judgement in words. The words are journaled with the answer, so they are formatted the same on every
/// machine (invariant culture).
/// </summary>
public static class ComputerReason
{
    /// <summary>
    /// The gain between no deal and the best outcome below which there is nothing to take a share of: $1, or a
    /// billionth of the values compared, whichever is larger (a difference of rounding, not of substance).
    /// </summary>
    public static bool HasRoom(double noDeal, double best) => best - noDeal >= Math.Max(1, 1e-9 * Math.Max(Math.Abs(noDeal), Math.Abs(best)));

    /// <summary>The offer's share of the possible gain over no deal, 0..1; with no room to gain, 1 if the offer is no worse than no deal, else 0.</summary>
    public static double Share(double value, double noDeal, double best) =>
        HasRoom(noDeal, best) ? Math.Clamp((value - noDeal) / (best - noDeal), 0, 1) : value >= noDeal ? 1 : 0;

    /// <summary>Whether the computer accepts: no worse than no deal, and a share at least its aspiration now.</summary>
    public static bool Accepts(double value, double noDeal, double best, double aspiration) =>
        value >= noDeal && Share(value, noDeal, best) >= aspiration;

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Why(string name, string strategy, double value, double noDeal, double best, double aspiration)
    {
        var inv = CultureInfo.InvariantCulture;
        var who = $"{name} ({strategy})";
        if (value < noDeal) return string.Create(inv, $"{who} would be {noDeal - value:N0} $ worse off than with no deal");
        if (!HasRoom(noDeal, best)) return $"{who} can gain nothing over no deal from any such offer; this one is no worse than no deal";
        return $"{who} gets {Percent(Share(value, noDeal, best))} of its possible gain over no deal; it wants {Percent(aspiration)} now";
    }
}
