namespace NegotiationSim.Core.Negotiation;

/// <summary>One issue of a deal: its discrete values and how each reads in a transcript.</summary>
public sealed record Issue(string Name, IReadOnlyList<double> Values, IReadOnlyList<string> Labels)
{
    public int Count => Values.Count;
}

/// <summary>
/// Every combination of one value per issue (MODEL.md §3.2), numbered 0..Count−1 in mixed radix with the last issue
/// fastest. Strategies and transcripts name outcomes by that number, so an offer outside the space is just an
/// out-of-range number the mediator can reject.
/// </summary>
public sealed class OutcomeSpace
{
    private readonly int[] _stride;

    public OutcomeSpace(IReadOnlyList<Issue> issues)
    {
        if (issues.Count == 0 || issues.Any(i => i.Count == 0)) throw new ArgumentException("every issue needs at least one value", nameof(issues));
        Issues = issues;
        _stride = new int[issues.Count];
        var count = 1;
        for (var k = issues.Count - 1; k >= 0; k--)
        {
            _stride[k] = count;
            count *= issues[k].Count;
        }
        Count = count;
    }

    public IReadOnlyList<Issue> Issues { get; }

    public int Count { get; }

    public bool Contains(int outcome) => outcome >= 0 && outcome < Count;

    private int[]? _levels;

    /// <summary>The index of the value an outcome takes on an issue (from a table built on first use: strategies ask often).</summary>
    public int Level(int outcome, int issue)
    {
        var table = _levels ??= BuildLevels();
        return table[outcome * Issues.Count + issue];
    }

    private int[] BuildLevels()
    {
        var k = Issues.Count;
        var table = new int[Count * k];
        for (var o = 0; o < Count; o++)
            for (var i = 0; i < k; i++) table[o * k + i] = o / _stride[i] % Issues[i].Count;
        return table;
    }

    public double Value(int outcome, int issue) => Issues[issue].Values[Level(outcome, issue)];

    public int Compose(params int[] levels)
    {
        var o = 0;
        for (var k = 0; k < levels.Length; k++) o += levels[k] * _stride[k];
        return o;
    }

    public string Describe(int outcome) =>
        string.Join(", ", Issues.Select((issue, k) => $"{issue.Name} {issue.Labels[Level(outcome, k)]}"));

    /// <summary>A one-issue space of n+1 equally spaced shares 0, 1/n, …, 1 (the "split the pie" domain of Rubinstein 1982).</summary>
    public static OutcomeSpace Pie(int n) => new([new Issue("share", Enumerable.Range(0, n + 1).Select(k => (double)k / n).ToArray(),
        Enumerable.Range(0, n + 1).Select(k => ((double)k / n).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)).ToArray())]);
}
