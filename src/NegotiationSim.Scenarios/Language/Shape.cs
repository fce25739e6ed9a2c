namespace NegotiationSim.Scenarios.Language;

/// <summary>
/// One key of a mapping: its name, what it holds, whether it must be given, its default, what it means and an example
/// value (YAML). Keys are made through <see cref="Shape.Add"/>, so a key the loader reads is a key the schema and the
/// docs know.
/// </summary>
public sealed record Key(string Name, Value Value, string Doc, string Example, bool Required, string? Default)
{
    /// <summary>The default of a number key, used by the loader when the key is absent.</summary>
    public double NumberDefault => double.Parse(Default ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A mapping with a fixed set of keys (a mineral, a bloc, an event's body…).</summary>
public sealed class Shape(string name, string doc)
{
    private readonly List<Key> _keys = [];
    private readonly List<string> _exactlyOne = [];

    /// <summary>Where the mapping sits, as the docs name it: `bloc`, `minerals[]`, `events[].flood`.</summary>
    public string Name { get; } = name;

    public string Doc { get; } = doc;

    public IReadOnlyList<Key> Keys => _keys;

    /// <summary>Keys of which exactly one must be present (an event's kind; a floor's price or price_ratio).</summary>
    public IReadOnlyList<string> ExactlyOne => _exactlyOne;

    public Key Add(string key, Value value, string doc, string example, bool required = false, string? defaultValue = null)
    {
        if (_keys.Any(k => k.Name == key)) throw new InvalidOperationException($"{Name}: key '{key}' declared twice");
        var k = new Key(key, value, doc, example, required, defaultValue);
        _keys.Add(k);
        return k;
    }

    /// <summary>Declares that exactly one of these keys must be present.</summary>
    public void OneOf(params Key[] keys) => _exactlyOne.AddRange(keys.Select(k => k.Name));

    public Key? Find(string key) => _keys.FirstOrDefault(k => k.Name == key);
}
