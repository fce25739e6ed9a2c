using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Reads a scenario file into YAML nodes (keeping positions for error messages) and resolves `extends:`:
/// the base file's mappings are merged key by key, lists and scalars are replaced by this file's.
/// </summary>
internal static class YamlDocument
{
    public const int MaxExtendsDepth = 8;

    public static YamlMappingNode? Read(string path, List<ScenarioError> errors, Dictionary<YamlNode, string> origins, int depth = 0)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ScenarioError(path, 0, 0, $"cannot read the file: {e.Message}"));
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var inner = e;
            while (inner.InnerException is YamlException deeper) inner = deeper;
            var reason = e.GetBaseException().Message;
            errors.Add(new ScenarioError(path, (int)inner.Start.Line, (int)inner.Start.Column, $"not valid YAML: {reason}"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ScenarioError(path, 1, 1, "a scenario must be a YAML mapping (key: value lines)"));
            return null;
        }
        foreach (var node in root.AllNodes) origins[node] = path;
        if (!root.Children.TryGetValue(new YamlScalarNode("extends"), out var ext)) return root;
        if (ext is not YamlScalarNode { Value: { Length: > 0 } name })
        {
            errors.Add(new ScenarioError(path, (int)ext.Start.Line, (int)ext.Start.Column, "extends: must name a scenario file"));
            return root;
        }
        if (depth >= MaxExtendsDepth)
        {
            errors.Add(new ScenarioError(path, (int)ext.Start.Line, (int)ext.Start.Column, "extends: chain too deep (a cycle?)"));
            return root;
        }
        var basePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", name);
        if (!File.Exists(basePath))
        {
            errors.Add(new ScenarioError(path, (int)ext.Start.Line, (int)ext.Start.Column, $"extends: file '{name}' not found next to this scenario"));
            return root;
        }
        var parent = Read(basePath, errors, origins, depth + 1);
        return parent is null ? root : Merge(parent, root);
    }

    private static YamlMappingNode Merge(YamlMappingNode parent, YamlMappingNode child)
    {
        var merged = new YamlMappingNode();
        foreach (var (k, v) in parent.Children)
        {
            if (k is YamlScalarNode { Value: "extends" }) continue;
            merged.Add(k, v);
        }
        foreach (var (k, v) in child.Children)
        {
            if (k is YamlScalarNode { Value: "extends" }) continue;
            if (merged.Children.TryGetValue(k, out var existing) && existing is YamlMappingNode a && v is YamlMappingNode b)
                merged.Children[k] = Merge(a, b);
            else
                merged.Children[k] = v;
        }
        return merged;
    }
}
