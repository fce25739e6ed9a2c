using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

/// <summary>
/// Base files named by `extends:` (the shared world dataset, ~100 KB) parsed once per process instead of once per
/// scenario that extends them: a library's scenarios all start from the same world. An entry is used only while every
/// file of its chain still has the length and write time it had; a chain with errors is never kept. The cached nodes
/// are shared read-only: the loader never changes a node, and merging builds new mappings.
/// </summary>
internal static class BaseFiles
{
    private const int Capacity = 32;

    private sealed record Entry(YamlMappingNode Root, KeyValuePair<YamlNode, string>[] Origins, (string Path, long Length, DateTime Written)[] Files);

    private static readonly ConcurrentDictionary<string, Entry> Cache = new(StringComparer.Ordinal);

    public static YamlMappingNode? Read(string path, List<ScenarioError> errors, Dictionary<YamlNode, string> origins, int depth)
    {
        var key = $"{depth}|{Path.GetFullPath(path)}";
        if (Cache.TryGetValue(key, out var hit) && hit.Files.All(f => Stamp(f.Path) == (f.Length, f.Written)))
        {
            foreach (var (node, file) in hit.Origins) origins[node] = file;
            return hit.Root;
        }
        var mine = new List<ScenarioError>();
        var own = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var root = YamlDocument.Read(path, mine, own, depth);
        errors.AddRange(mine);
        foreach (var (node, file) in own) origins[node] = file;
        if (root is null || mine.Count > 0) return root;
        var files = own.Values.Distinct(StringComparer.Ordinal).Select(f => (f, Stamp(f).Length, Stamp(f).Written)).ToArray();
        if (Cache.Count >= Capacity) Cache.Clear();
        Cache[key] = new Entry(root, own.ToArray(), files);
        return root;
    }

    private static (long Length, DateTime Written) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }
}
