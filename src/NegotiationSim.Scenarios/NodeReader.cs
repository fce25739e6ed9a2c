using System.Globalization;
using NegotiationSim.Scenarios.Language;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Typed access to YAML nodes that records a positioned error instead of throwing. Keys are read through the
/// language's <see cref="Key"/>s only, so the loader cannot read a key the schema and the docs do not know.
/// </summary>
internal sealed class NodeReader(Dictionary<YamlNode, string> origins, string mainFile)
{
    public List<ScenarioError> Errors { get; } = [];

    public void Error(YamlNode? node, string message)
    {
        var file = node is not null && origins.TryGetValue(node, out var f) ? f : mainFile;
        Errors.Add(new ScenarioError(file, node is null ? 1 : (int)node.Start.Line, node is null ? 1 : (int)node.Start.Column, message));
    }

    /// <summary>The file a node was written in (a base file of an `extends:` chain, or the main file).</summary>
    public string FileOf(YamlNode node) => origins.TryGetValue(node, out var f) ? f : mainFile;

    /// <summary>A path written at <paramref name="node"/>, resolved against the folder of the file it was written in.</summary>
    public string PathBeside(YamlNode node, string relative) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(FileOf(node))) ?? ".", relative));

    private YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>Refuses keys the language does not define for this mapping, with a did-you-mean hint.</summary>
    public void CheckKeys(YamlMappingNode map, Shape shape)
    {
        var allowed = shape.Keys.Select(k => k.Name).ToArray();
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (allowed.Contains(name)) continue;
            var hint = allowed.OrderBy(a => Distance(a, name)).FirstOrDefault();
            Error(key, hint is not null && Distance(hint, name) <= 3
                ? $"unknown key '{name}' (did you mean '{hint}'?)"
                : $"unknown key '{name}'; expected one of: {string.Join(", ", allowed)}");
        }
    }

    private YamlMappingNode? Map(YamlMappingNode parent, string key, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return null; }
        if (node is YamlMappingNode m) return m;
        Error(node, $"'{key}' must be a mapping (key: value)");
        return null;
    }

    private YamlSequenceNode? List(YamlMappingNode parent, string key, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return null; }
        if (node is YamlSequenceNode s) return s;
        Error(node, $"'{key}' must be a list");
        return null;
    }

    private string? Text(YamlMappingNode parent, string key, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return null; }
        if (node is YamlScalarNode { Value: { } v }) return v;
        Error(node, $"'{key}' must be a single value");
        return null;
    }

    public double Number(YamlNode node, string what, double fallback, double min, double max, string? unit = null)
    {
        if (node is not YamlScalarNode { Value: { } v }
            || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            Error(node, $"'{what}' must be a number{Units.NotANumberHint(node, unit)}");
            return fallback;
        }
        if (x < min || x > max)
        {
            Error(node, $"'{what}' is {v}, out of range [{Units.Bound(min)}, {Units.Bound(max)}]{Units.OutOfRangeHint(x, max, unit)}");
            return fallback;
        }
        return x;
    }

    /// <summary>A number key of the language: its range, unit and default come from the key.</summary>
    public double Number(YamlMappingNode parent, Key key, double? fallback = null, double? min = null)
    {
        var v = (NumberValue)key.Value;
        var fb = fallback ?? key.NumberDefault;
        var node = Get(parent, key.Name);
        if (node is null) { if (key.Required) Error(parent, $"missing '{key.Name}'"); return fb; }
        var x = Number(node, key.Name, fb, min ?? v.Min, v.Max, v.Unit);
        if (v.Whole && x != Math.Floor(x)) { Error(node, $"'{key.Name}' must be a whole number"); return fb; }
        return x;
    }

    /// <summary>A whole-number key of the language (rounds, counts); <paramref name="min"/> overrides the key's minimum.</summary>
    public int Integer(YamlMappingNode parent, Key key, int? fallback = null, int? min = null)
    {
        var x = Number(parent, key, fallback, min);
        return x >= int.MaxValue ? int.MaxValue : (int)x;
    }

    /// <summary>A true/false key; the words YAML 1.2 (and so an editor's schema check) reads as booleans, unquoted.</summary>
    public bool Boolean(YamlMappingNode parent, Key key, bool fallback)
    {
        var node = Get(parent, key.Name);
        if (node is null) { if (key.Required) Error(parent, $"missing '{key.Name}'"); return fallback; }
        switch (node)
        {
            case YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "true" or "True" or "TRUE" }: return true;
            case YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "false" or "False" or "FALSE" }: return false;
            case YamlScalarNode { Value: var v }:
                Error(node, $"'{key.Name}' must be true or false, not '{v}'");
                return fallback;
            default:
                Error(node, $"'{key.Name}' must be true or false");
                return fallback;
        }
    }

    public YamlMappingNode? Map(YamlMappingNode parent, Key key) => Map(parent, key.Name, key.Required);

    public YamlSequenceNode? List(YamlMappingNode parent, Key key) => List(parent, key.Name, key.Required);

    public string? Text(YamlMappingNode parent, Key key) => Text(parent, key.Name, key.Required);

    public YamlNode? Get(YamlMappingNode map, Key key) => Get(map, key.Name);

    public IEnumerable<YamlNode> Items(YamlSequenceNode? seq) => seq?.Children ?? Enumerable.Empty<YamlNode>();

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
