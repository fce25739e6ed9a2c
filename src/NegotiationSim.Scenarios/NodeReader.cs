using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>Typed access to YAML nodes that records a positioned error instead of throwing.</summary>
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

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public void CheckKeys(YamlMappingNode map, params string[] allowed)
    {
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

    public YamlMappingNode? Map(YamlMappingNode parent, string key, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return null; }
        if (node is YamlMappingNode m) return m;
        Error(node, $"'{key}' must be a mapping (key: value)");
        return null;
    }

    public YamlSequenceNode? List(YamlMappingNode parent, string key, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return null; }
        if (node is YamlSequenceNode s) return s;
        Error(node, $"'{key}' must be a list");
        return null;
    }

    public string? Text(YamlMappingNode parent, string key, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return null; }
        if (node is YamlScalarNode { Value: { } v }) return v;
        Error(node, $"'{key}' must be a single value");
        return null;
    }

    public double Number(YamlMappingNode parent, string key, double fallback, double min, double max, bool required = false)
    {
        var node = Get(parent, key);
        if (node is null) { if (required) Error(parent, $"missing '{key}'"); return fallback; }
        return Number(node, key, fallback, min, max);
    }

    public double Number(YamlNode node, string what, double fallback, double min, double max)
    {
        if (node is not YamlScalarNode { Value: { } v }
            || !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            Error(node, $"'{what}' must be a number");
            return fallback;
        }
        if (x < min || x > max)
        {
            Error(node, $"'{what}' is {v}, out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
            return fallback;
        }
        return x;
    }

    public int Integer(YamlMappingNode parent, string key, int fallback, int min, int max, bool required = false)
    {
        var x = Number(parent, key, fallback, min, max, required);
        if (x != Math.Floor(x)) { Error(Get(parent, key), $"'{key}' must be a whole number"); return fallback; }
        return (int)x;
    }

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
