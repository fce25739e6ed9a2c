using System.Text.Json;
using System.Text.Json.Nodes;

namespace NegotiationSim.Scenarios.Language;

/// <summary>
/// Writes the scenario language as a JSON Schema (draft-07), for editors (yaml-language-server) to complete and check
/// scenario files. A file is checked as written, before `extends:` is merged, so required keys are only required
/// inside list items (which replace the base's whole) and never at the top level or in a mapping a file may override
/// in part.
/// </summary>
public static class JsonSchemaWriter
{
    public static string Write()
    {
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "NegotiationSim scenario",
        };
        foreach (var (k, v) in ShapeSchema(ScenarioLanguage.Root.Shape, complete: false)) schema[k] = v?.DeepClone();
        var text = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject ShapeSchema(Shape shape, bool complete)
    {
        var properties = new JsonObject();
        foreach (var key in shape.Keys)
        {
            var s = ValueSchema(key.Value, complete);
            s["description"] = Describe(key);
            properties[key.Name] = s;
        }
        var o = new JsonObject
        {
            ["type"] = "object",
            ["description"] = shape.Doc,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = shape.Keys.Where(k => k.Required && complete && !shape.ExactlyOne.Contains(k.Name)).Select(k => (JsonNode)k.Name).ToArray();
        if (required.Length > 0) o["required"] = new JsonArray(required);
        if (complete && shape.ExactlyOne.Count > 0)
            o["oneOf"] = new JsonArray(shape.ExactlyOne.Select(k => (JsonNode)new JsonObject { ["required"] = new JsonArray(k) }).ToArray());
        return o;
    }

    private static JsonObject ValueSchema(Value value, bool complete) => value switch
    {
        NumberValue n => Number(n),
        TextValue t => t.Pattern is null ? new JsonObject { ["type"] = "string" } : new JsonObject { ["type"] = "string", ["pattern"] = t.Pattern },
        BooleanValue => new JsonObject { ["type"] = "boolean" },
        ChoiceValue c => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(c.Options.Select(o => (JsonNode)o).ToArray()) },
        RefValue => new JsonObject { ["type"] = "string" },
        ListValue l => new JsonObject { ["type"] = "array", ["items"] = ValueSchema(l.Item, complete: true) },
        ShapeValue s => ShapeSchema(s.Shape, complete),
        TableValue t => Table(t, complete),
        EitherValue e => new JsonObject { ["anyOf"] = new JsonArray(e.Options.Select(o => (JsonNode)ValueSchema(o, complete)).ToArray()) },
        _ => throw new InvalidOperationException($"no schema for {value.GetType().Name}"),
    };

    private static JsonObject Number(NumberValue n)
    {
        var o = new JsonObject { ["type"] = n.Whole ? "integer" : "number", ["minimum"] = n.Min };
        if (!double.IsPositiveInfinity(n.Max)) o["maximum"] = n.Max;
        return o;
    }

    private static JsonObject Table(TableValue t, bool complete)
    {
        var entry = ValueSchema(t.Entry, complete);
        if (t.FixedKeys is null)
            return new JsonObject { ["type"] = "object", ["description"] = $"{t.KeyWhat} → …", ["additionalProperties"] = entry };
        var properties = new JsonObject();
        foreach (var k in t.FixedKeys) properties[k] = entry.DeepClone();
        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
    }

    private static string Describe(Key key)
    {
        var parts = new List<string> { key.Doc };
        if (key.Value is NumberValue n) parts.Add($"Unit: {n.Unit}.");
        if (key.Default is not null) parts.Add($"Default: {key.Default}.");
        parts.Add(key.Example.StartsWith("see ", StringComparison.Ordinal) ? $"See {key.Example[4..]} in docs/scenarios.md." : $"Example: {key.Name}: {key.Example}");
        return string.Join(" ", parts);
    }
}
