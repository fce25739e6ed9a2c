using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// Says what was wrong with a request body the framework could not read, the way the API's own checks do: by the
/// field's name and what it takes ("round: a whole number"), not with .NET's parameter and type names.
/// </summary>
public static partial class BindingErrors
{
    public static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is not JsonException json)
            return bad.Message.Contains("no body was provided", StringComparison.Ordinal) ? "body: a JSON object is required" : $"bad request: {bad.Message}";
        var field = json.Path is null or "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        var converted = CouldNotConvert().Match(json.Message);
        if (!converted.Success)
            return $"{field}: not valid JSON here (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})";
        // The serializer names the request record whose constructor failed rather than the field's own type: look it up.
        var named = TypeNamed(converted.Groups["type"].Value);
        var type = named is null ? null : FieldType(named, field) ?? named;
        return $"{field}: {(type is null ? "a value of another type" : Expected(type))}";
    }

    /// <summary>The type of <paramref name="field"/> ("levels[1]": an element of levels) on <paramref name="request"/>; null if it has none.</summary>
    private static Type? FieldType(Type request, string field)
    {
        var name = field.Split('[')[0];
        var property = request.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null) return null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return field.Contains('[', StringComparison.Ordinal) && type.IsArray ? type.GetElementType() : type;
    }

    /// <summary>What a value of <paramref name="type"/> looks like to someone writing JSON.</summary>
    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type));
        if (type.IsArray) return "a list in [ ]";
        return Type.GetTypeCode(type) switch
        {
            // Also what 99999999999 is told: it is whole, but not one the field can hold.
            TypeCode.Int32 => "a whole number of at most 2,147,483,647",
            TypeCode.Int64 => "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
            TypeCode.String => "text in quotes",
            TypeCode.Boolean => "true or false",
            _ => "a JSON object",
        };
    }

    private static Type? TypeNamed(string name)
    {
        // Nullable`1[System.Int32] names the type inside.
        if (NullableOf().Match(name) is { Success: true } m) name = m.Groups["inner"].Value;
        return Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("NegotiationSim", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);
    }

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path:")]
    private static partial Regex CouldNotConvert();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
