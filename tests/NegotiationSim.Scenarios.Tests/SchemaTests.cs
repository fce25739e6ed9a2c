using System.Text.Json.Nodes;
using NegotiationSim.Scenarios.Language;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// The committed JSON Schema is what `negsim schema` writes, every library file passes it, and it accepts exactly the
/// keys the loader accepts, mapping by mapping.
/// </summary>
public sealed class SchemaTests
{
    private const string SchemaLine = "# yaml-language-server: $schema=./scenario.schema.json";

    private static string CommittedSchema => File.ReadAllText(Path.Combine(TestFiles.Scenarios, "scenario.schema.json"));

    private static string EveryKey => Path.Combine(TestFiles.Repo, "tests", "data", "every-key.yaml");

    [Fact]
    public void Schema_Committed_EqualsWhatTheLanguageWrites() =>
        Assert.True(JsonSchemaWriter.Write() == CommittedSchema,
            "scenarios/scenario.schema.json is out of date: run `negsim schema --out scenarios/scenario.schema.json`");

    [Fact]
    public async Task Schema_EveryLibraryFile_Validates()
    {
        var schema = await JsonSchema.FromJsonAsync(CommittedSchema);
        foreach (var file in TestFiles.Library())
        {
            var errors = schema.Validate(YamlAsJson.Convert(File.ReadAllText(file)));
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
        }
    }

    [Theory]
    [InlineData("rounds: 8", "rounds: 0", "rounds")]                     // below the range
    [InlineData("seed: 7", "seed: 7\nbogus: 1", "bogus")]                 // unknown key
    [InlineData("kind: licence", "kind: embargo", "kind")]              // not one of the choices
    [InlineData("price_ratio: 1.2 }", "price_ratio: 1.2, price: 5 }", "floors")] // price and price_ratio both
    public async Task Schema_BrokenFile_Refused(string find, string replace, string where)
    {
        var schema = await JsonSchema.FromJsonAsync(CommittedSchema);
        var text = File.ReadAllText(TestFiles.GalliumControl);
        Assert.Contains(find, text);
        var errors = schema.Validate(YamlAsJson.Convert(text.Replace(find, replace)));
        Assert.Contains(where, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Scenarios_EveryFile_StartsWithTheSchemaLine()
    {
        foreach (var file in Directory.GetFiles(TestFiles.Scenarios, "*.yaml"))
            Assert.True(File.ReadLines(file).First() == SchemaLine, $"{Path.GetFileName(file)} must start with: {SchemaLine}");
    }

    /// <summary>
    /// For each mapping of every-key.yaml, adds every key the schema allows there that the file lacks, plus keys that
    /// belong elsewhere, and checks the loader refuses exactly the ones the schema refuses. One load per mapping, so one
    /// mapping's refusal never hides another's.
    /// </summary>
    [Fact]
    public void Schema_AcceptsExactlyTheKeysTheLoaderAccepts()
    {
        var schema = JsonNode.Parse(CommittedSchema)!.AsObject();
        var allNames = AllPropertyNames(schema).Append("zz_not_a_key").Distinct().ToArray();
        var original = File.ReadAllText(EveryKey);
        var visited = new HashSet<string>();
        foreach (var path in Locations(YamlAsJson.Root(original), schema, "", "").Select(l => l.Path).ToList())
        {
            var root = YamlAsJson.Root(original);
            var (_, generic, mapping, objectSchema) = Locations(root, schema, "", "").First(l => l.Path == path);
            var allowed = objectSchema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
            var present = mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
            var added = allNames.Where(n => !present.Contains(n) && n != "extends").ToArray();
            foreach (var n in added) mapping.Add(n, new YamlScalarNode("~"));
            var errors = LoadErrors(root);
            foreach (var n in added)
            {
                var loaderRefuses = errors.Any(e => e.Message.Contains($"unknown key '{n}'") || e.Message.Contains($"unknown stage '{n}'"));
                Assert.True(loaderRefuses != allowed.Contains(n),
                    $"{path}: key '{n}' is {(allowed.Contains(n) ? "in" : "not in")} the schema but the loader {(loaderRefuses ? "refuses" : "accepts")} it");
            }
            visited.Add(generic);
        }
        Assert.Empty(ObjectPointers(schema, "").ToHashSet().Except(visited));
    }

    private static IReadOnlyList<ScenarioError> LoadErrors(YamlMappingNode root)
    {
        var dir = Directory.CreateTempSubdirectory("negsim-probe-").FullName;
        var file = Path.Combine(dir, "probe.yaml");
        using (var w = new StringWriter())
        {
            new YamlStream(new YamlDocument(root)).Save(w, assignAnchors: false);
            File.WriteAllText(file, w.ToString());
        }
        ScenarioLoader.TryLoad(file, out _, out var errors);
        Directory.Delete(dir, recursive: true);
        return errors;
    }

    /// <summary>
    /// Every mapping of the document that the schema gives fixed keys: its path (keys and list indices), the same path
    /// as the schema sees it (lists as [], ids as *), the node and its schema.
    /// </summary>
    private static IEnumerable<(string Path, string Generic, YamlMappingNode Node, JsonObject Schema)> Locations(
        YamlNode node, JsonObject schema, string path, string generic)
    {
        switch (node)
        {
            case YamlMappingNode m when schema["properties"] is JsonObject props:
                yield return (path, generic == "" ? "/" : generic, m, schema);
                foreach (var (k, v) in m.Children)
                {
                    var name = ((YamlScalarNode)k).Value!;
                    if (props[name] is JsonObject child)
                        foreach (var x in Locations(v, Pick(child, v), path + "/" + name, generic + "/" + name)) yield return x;
                }
                break;
            case YamlMappingNode m when schema["additionalProperties"] is JsonObject entry:
                foreach (var (k, v) in m.Children)
                    foreach (var x in Locations(v, Pick(entry, v), path + "/" + ((YamlScalarNode)k).Value, generic + "/*")) yield return x;
                break;
            case YamlSequenceNode s when schema["items"] is JsonObject item:
                for (var i = 0; i < s.Children.Count; i++)
                    foreach (var x in Locations(s.Children[i], Pick(item, s.Children[i]), path + "/" + i, generic + "/[]")) yield return x;
                break;
        }
    }

    /// <summary>Of an anyOf, the branch for this kind of node.</summary>
    private static JsonObject Pick(JsonObject schema, YamlNode node) =>
        schema["anyOf"] is JsonArray options
            ? options.Select(o => o!.AsObject()).FirstOrDefault(o => (string?)o["type"] == (node is YamlSequenceNode ? "array" : node is YamlMappingNode ? "object" : "string")) ?? schema
            : schema;

    /// <summary>Every object with fixed keys in the schema, as a generic path.</summary>
    private static IEnumerable<string> ObjectPointers(JsonObject s, string path)
    {
        if (s["anyOf"] is JsonArray a)
        {
            foreach (var o in a) foreach (var x in ObjectPointers(o!.AsObject(), path)) yield return x;
            yield break;
        }
        if (s["properties"] is JsonObject props)
        {
            yield return path == "" ? "/" : path;
            foreach (var (k, v) in props) foreach (var x in ObjectPointers(v!.AsObject(), path + "/" + k)) yield return x;
        }
        if (s["additionalProperties"] is JsonObject entry) foreach (var x in ObjectPointers(entry, path + "/*")) yield return x;
        if (s["items"] is JsonObject item) foreach (var x in ObjectPointers(item, path + "/[]")) yield return x;
    }

    private static IEnumerable<string> AllPropertyNames(JsonObject s) =>
        (s["properties"] is JsonObject props ? props.Select(p => p.Key).Concat(props.SelectMany(p => AllPropertyNames(p.Value!.AsObject()))) : [])
        .Concat(s["additionalProperties"] is JsonObject e ? AllPropertyNames(e) : [])
        .Concat(s["items"] is JsonObject i ? AllPropertyNames(i) : [])
        .Concat(s["anyOf"] is JsonArray a ? a.SelectMany(o => AllPropertyNames(o!.AsObject())) : []);
}
