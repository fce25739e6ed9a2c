using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Hints for numbers written in the wrong unit: the language takes plain numbers in a fixed unit per key (shares as
/// fractions, prices in US$ per t), so "25%", "5 kt" or a share of 25 are the usual slips.
/// </summary>
internal static partial class Units
{
    public static string Bound(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString(CultureInfo.InvariantCulture);

    public static string NotANumberHint(YamlNode node, string? unit)
    {
        if (unit is null) return "";
        if (node is YamlScalarNode { Value: { } v } && NumberWithSuffix().Match(v.Trim()) is { Success: true } m)
        {
            var number = m.Groups["n"].Value;
            var suffix = m.Groups["u"].Value.Trim();
            if (suffix == "%" && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var pct))
                return $" in {unit}: write {(pct / 100).ToString(CultureInfo.InvariantCulture)}, not {v.Trim()}";
            return $" in {unit}, without a unit after it ('{suffix}')";
        }
        return $" (in {unit})";
    }

    /// <summary>A share of 25 is almost always 25%: say so.</summary>
    public static string OutOfRangeHint(double x, double max, string? unit)
    {
        if (unit is null) return "";
        if (max <= 1 && x > 1 && x <= 100 && unit.Contains("share", StringComparison.Ordinal))
            return $" ({unit}: did you mean {(x / 100).ToString(CultureInfo.InvariantCulture)}?)";
        return $" ({unit})";
    }

    [GeneratedRegex(@"^(?<n>[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(?<u>%|[A-Za-z$/][A-Za-z$/ .]*)$")]
    private static partial Regex NumberWithSuffix();
}
