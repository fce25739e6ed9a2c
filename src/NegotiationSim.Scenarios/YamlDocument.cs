using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Reads a scenario file into YAML nodes (keeping positions for error messages) and resolves `extends:`:
/// the base file's mappings are merged key by key, lists and scalars are replaced by this file's.
/// </summary>
internal static class YamlDocument
{
    public const int MaxExtendsDepth = 8;

    /// <summary>Deeper than this is no scenario: refused before parsing, so no input can exhaust the stack.</summary>
    public const int MaxNesting = 64;

    /// <summary>The library's largest file is ~100 KB; a file this big is a mistake, not a scenario.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <param name="text">The file's text if already in hand (e.g. an editor's buffer); otherwise the file is read.</param>
    public static YamlMappingNode? Read(string path, List<ScenarioError> errors, Dictionary<YamlNode, string> origins, int depth = 0,
        string? text = null)
    {
        if (text is null)
        {
            // A folder has no length, so reading it would report "Could not find file" for a path that plainly exists.
            if (Directory.Exists(path))
            {
                errors.Add(new ScenarioError(path, 1, 1, $"is a folder, not a scenario file: name the files in it, e.g. {Path.Combine(path, "*.yaml")}"));
                return null;
            }
            try
            {
                if (new FileInfo(path).Length > MaxBytes)
                {
                    errors.Add(new ScenarioError(path, 1, 1, $"the file is larger than {MaxBytes / 1024 / 1024} MB; a scenario is a few hundred KB at most"));
                    return null;
                }
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add(new ScenarioError(path, 1, 1, $"cannot read the file: {e.Message}"));
                return null;
            }
        }
        if (text.Length > MaxBytes)
        {
            errors.Add(new ScenarioError(path, 1, 1, $"the text is longer than {MaxBytes / 1024 / 1024} MB; a scenario is a few hundred KB at most"));
            return null;
        }
        if (Prescan(path, text) is { } refused)
        {
            errors.Add(refused);
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
            if (reason.Contains("tab character", StringComparison.OrdinalIgnoreCase)) reason += " (indent with spaces: YAML does not allow tabs there)";
            errors.Add(new ScenarioError(path, Math.Max(1, (int)inner.Start.Line), Math.Max(1, (int)inner.Start.Column), $"not valid YAML: {reason}"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ScenarioError(path, 1, 1, "a scenario must be a YAML mapping (key: value lines)"));
            return null;
        }
        RecordOrigins(root, path, origins);
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
        var parent = BaseFiles.Read(basePath, errors, origins, depth + 1);
        return parent is null ? root : Merge(parent, root);
    }

    /// <summary>
    /// Walks the parser's events (no tree, no recursion) before the tree is built: refuses nesting deeper than
    /// <see cref="MaxNesting"/> (building the tree recurses once per level), and turns the YAML reader's own failures
    /// on some malformed input (it throws InvalidOperationException there, not a YamlException) into a positioned
    /// error. Syntax errors proper are left to the tree builder, which reports them with their position.
    /// </summary>
    private static ScenarioError? Prescan(string path, string text)
    {
        var parser = new Parser(new StringReader(text));
        var level = 0;
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.End;
                switch (e)
                {
                    case MappingStart or SequenceStart when ++level > MaxNesting:
                        return new ScenarioError(path, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column),
                            $"nested more than {MaxNesting} levels deep; a scenario needs fewer than 10");
                    case MappingEnd or SequenceEnd:
                        level--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            return new ScenarioError(path, Math.Max(1, (int)last.Line), Math.Max(1, (int)last.Column),
                $"not valid YAML after this point (the YAML reader could not go on: {e.Message})");
        }
        return null;
    }

    /// <summary>Which file each node came from (for error positions). Iterative, and each node once: aliases share nodes.</summary>
    private static void RecordOrigins(YamlNode root, string path, Dictionary<YamlNode, string> origins)
    {
        var todo = new Stack<YamlNode>();
        todo.Push(root);
        while (todo.Count > 0)
        {
            var node = todo.Pop();
            if (!origins.TryAdd(node, path)) continue;
            switch (node)
            {
                case YamlMappingNode m:
                    foreach (var (k, v) in m.Children) { todo.Push(k); todo.Push(v); }
                    break;
                case YamlSequenceNode q:
                    foreach (var c in q.Children) todo.Push(c);
                    break;
            }
        }
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
