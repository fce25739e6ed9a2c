using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace NegotiationSim.Cli;

/// <summary>
/// Parsers for option values that name the option and what it takes ("--seed: 'abc' is not a whole number"):
/// System.CommandLine's own message names the .NET type instead ("System.Nullable`1[System.Int64]").
/// </summary>
public static class OptionValues
{
    /// <summary>A whole number of type <typeparamref name="T"/> (int or long), or null after an error naming the option.</summary>
    public static T? Whole<T>(ArgumentResult r) where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (r.Tokens.Count == 0) return null;
        var text = r.Tokens[0].Value;
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        r.AddError(BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? $"{Name(r)}: '{text}' is out of range ({T.MinValue} to {T.MaxValue})"
            : $"{Name(r)}: '{text}' is not a whole number");
        return null;
    }

    /// <summary>One of <typeparamref name="T"/>'s names in any case ("grains" for Grains); numbers are not names.</summary>
    public static T OneOf<T>(ArgumentResult r) where T : struct, Enum
    {
        if (r.Tokens.Count == 0) return default;
        var text = r.Tokens[0].Value;
        if (Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name) return Enum.Parse<T>(name);
        r.AddError($"{Name(r)}: '{text}' is not one of {Names<T>(", ")}");
        return default;
    }

    /// <summary>The names as a user types them: "grains|reference" for help, "grains, reference" in errors.</summary>
    public static string Names<T>(string separator) where T : struct, Enum =>
        string.Join(separator, Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    private static string Name(ArgumentResult r) => r.Parent is OptionResult o ? o.Option.Name : r.Argument.Name;
}
