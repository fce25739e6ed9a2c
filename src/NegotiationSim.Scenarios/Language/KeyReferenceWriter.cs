using System.Text;

namespace NegotiationSim.Scenarios.Language;

/// <summary>
/// Writes the key reference of docs/scenarios.md from the language: one table per mapping, a row per key with what it
/// holds (unit, range), its default and an example. Only the part between the markers is written; the prose around
/// it is the docs' own.
/// </summary>
public static class KeyReferenceWriter
{
    public const string Begin = "<!-- key reference: written by `negsim schema --docs docs/scenarios.md`; do not edit by hand -->";
    public const string End = "<!-- end of key reference -->";

    public static string Write()
    {
        var sb = new StringBuilder();
        foreach (var shape in ScenarioLanguage.AllShapes())
        {
            sb.Append("### `").Append(shape.Name).Append("`\n\n").Append(shape.Doc).Append('\n');
            if (shape.ExactlyOne.Count > 0)
                sb.Append("Exactly one of ").Append(string.Join(", ", shape.ExactlyOne.Select(k => $"`{k}`"))).Append(" must be given.\n");
            sb.Append("\n| key | holds | required / default | meaning | example |\n|---|---|---|---|---|\n");
            foreach (var k in shape.Keys)
            {
                var need = k.Required ? "required" : k.Default is null ? "optional" : $"default {k.Default}";
                var example = k.Example.StartsWith("see ", StringComparison.Ordinal) ? k.Example : $"`{k.Name}: {k.Example}`";
                sb.Append($"| `{k.Name}` | {k.Value.Describe()} | {need} | {Cell(k.Doc)} | {Cell(example)} |\n");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Replaces the reference between the markers in a docs page (the markers must be there).</summary>
    public static string Splice(string page)
    {
        var b = page.IndexOf(Begin, StringComparison.Ordinal);
        var e = page.IndexOf(End, StringComparison.Ordinal);
        if (b < 0 || e < b) throw new FormatException($"the page has no key reference markers ({Begin} … {End})");
        return page[..(b + Begin.Length)] + "\n\n" + Write() + page[e..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
