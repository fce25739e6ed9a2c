using NegotiationSim.Scenarios.Language;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>docs/scenarios.md documents every key of the language, with an example, and is up to date.</summary>
public sealed class DocsTests
{
    private static string Page => File.ReadAllText(Path.Combine(TestFiles.Repo, "docs", "scenarios.md"));

    [Fact]
    public void Docs_KeyReference_IsUpToDate() =>
        Assert.True(KeyReferenceWriter.Splice(Page) == Page,
            "docs/scenarios.md's key reference is out of date: run `negsim schema --docs docs/scenarios.md`");

    [Fact]
    public void Docs_EveryKey_AppearsWithAnExample()
    {
        var page = Page;
        foreach (var shape in ScenarioLanguage.AllShapes())
        {
            var section = page.IndexOf($"### `{shape.Name}`", StringComparison.Ordinal);
            Assert.True(section >= 0, $"no section for {shape.Name}");
            var next = page.IndexOf("\n### ", section + 1, StringComparison.Ordinal);
            var text = next < 0 ? page[section..] : page[section..next];
            foreach (var key in shape.Keys)
            {
                var row = text.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{key.Name}` |", StringComparison.Ordinal));
                Assert.True(row is not null, $"{shape.Name}.{key.Name} is not documented");
                Assert.False(string.IsNullOrWhiteSpace(key.Example), $"{shape.Name}.{key.Name} has no example");
                Assert.Contains(key.Example.StartsWith("see ", StringComparison.Ordinal) ? key.Example : $"`{key.Name}: {key.Example}`", row);
            }
        }
    }

    [Fact]
    public void Language_EveryNumberKey_SaysItsUnitAndRange()
    {
        foreach (var shape in ScenarioLanguage.AllShapes())
            foreach (var key in shape.Keys.Where(k => k.Value is NumberValue))
            {
                var n = (NumberValue)key.Value;
                Assert.False(string.IsNullOrWhiteSpace(n.Unit), $"{shape.Name}.{key.Name} has no unit");
                Assert.True(n.Min <= n.Max, $"{shape.Name}.{key.Name}: empty range");
                if (key.Default is { } d && double.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var x))
                    Assert.True(x >= n.Min && x <= n.Max, $"{shape.Name}.{key.Name}: default {d} outside its own range");
            }
    }
}
