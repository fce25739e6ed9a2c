using System.Globalization;

namespace NegotiationSim.Scenarios.Language;

/// <summary>What a key of the scenario language holds. The loader, the JSON Schema and the docs all read these.</summary>
public abstract record Value
{
    /// <summary>A short phrase for the docs: "number, US$ per t", "list of country ids".</summary>
    public abstract string Describe();
}

/// <summary>A number in a unit, inside [Min, Max]; Whole for counts and rounds.</summary>
public sealed record NumberValue(double Min, double Max, string Unit, bool Whole = false) : Value
{
    public override string Describe()
    {
        var range = double.IsPositiveInfinity(Max) ? $"≥ {Format(Min)}" : $"{Format(Min)} to {Format(Max)}";
        return $"{(Whole ? "whole number" : "number")}, {Unit}, {range}";
    }

    public static string Format(double x) => x.ToString(x is >= 1e6 or <= -1e6 ? "0.##e0" : "0.######", CultureInfo.InvariantCulture);
}

/// <summary>Free text; Pattern (a regular expression) when the text has a fixed form.</summary>
public sealed record TextValue(string? Pattern = null, string? Form = null) : Value
{
    public override string Describe() => Form is null ? "text" : $"text of the form {Form}";
}

/// <summary>`true` or `false` (YAML 1.2 core: also `True`, `TRUE`, `False`, `FALSE`).</summary>
public sealed record BooleanValue : Value
{
    public override string Describe() => "`true` or `false`";
}

/// <summary>One of a fixed set of words.</summary>
public sealed record ChoiceValue(params string[] Options) : Value
{
    public override string Describe() => "one of " + string.Join(", ", Options.Select(o => $"`{o}`"));
}

/// <summary>An id defined elsewhere in the scenario (a country or mineral id, an export control's id).</summary>
public sealed record RefValue(string What) : Value
{
    public override string Describe() => $"{What} id";
}

/// <summary>A YAML list.</summary>
public sealed record ListValue(Value Item) : Value
{
    public override string Describe() => "list of " + (Item is ShapeValue s ? $"`{s.Shape.Name}` mappings" : Item.Describe());
}

/// <summary>A mapping with the fixed keys of a <see cref="Shape"/>.</summary>
public sealed record ShapeValue(Shape Shape) : Value
{
    public override string Describe() => $"`{Shape.Name}` mapping";
}

/// <summary>A mapping whose keys are ids (minerals, stages or countries) and whose values are all alike.</summary>
public sealed record TableValue(string KeyWhat, Value Entry, IReadOnlyList<string>? FixedKeys = null) : Value
{
    public override string Describe() => $"mapping {KeyWhat} → {Entry.Describe()}";
}

/// <summary>Either of several forms (e.g. `all`, `bloc` or a list of countries).</summary>
public sealed record EitherValue(params Value[] Options) : Value
{
    public override string Describe() => string.Join(" or ", Options.Select(o => o.Describe()));
}
