using System.Text;
using System.Text.RegularExpressions;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// Breaks scenario text the ways files get broken: flipped bytes, truncation, deep nesting, huge numbers, duplicate
/// keys, tabs, empty and binary input, wrong structures. Seeded, so a failure replays exactly.
/// </summary>
internal sealed partial class ScenarioMutator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] HugeNumbers =
    [
        "1e309", "-1e309", "1e308", "-1e308", "99999999999999999999999999999", "-0", "NaN", ".nan", ".inf", "-.inf",
        "0x7fffffff", "1e-400", "2147483648", "-2147483649", "9223372036854775808", "1_000", "0o17", "+.5e+3", "1e", "--1",
    ];

    private static readonly string[] Structures = ["[]", "{}", "[1, 2]", "{a: 1}", "null", "~", "''", "\"\"", "*nowhere", "&a", "!!binary AAAA", "!<tag:x> 1", "|", ">", "? x", "- x"];

    private const string Tricky = "\0\t\r\n:{}[],-&*!|>'\"%@`#?\u00a0\u2028\ufeff\ud800\uffff";

    public string Mutate(string text, string otherText)
    {
        var steps = 1 + _random.Next(3);
        for (var i = 0; i < steps; i++) text = Once(text, otherText);
        return text;
    }

    /// <summary>Breaks the file's bytes: invalid UTF-8, a cut inside a multi-byte character, a stray byte-order mark.</summary>
    public byte[] MutateBytes(byte[] bytes)
    {
        var b = bytes.ToList();
        switch (_random.Next(4))
        {
            case 0:
                for (var n = 1 + _random.Next(8); n > 0 && b.Count > 0; n--) b[_random.Next(b.Count)] = (byte)_random.Next(256);
                break;
            case 1:
                var multi = Enumerable.Range(0, b.Count).Where(i => b[i] >= 0xC0).ToArray();
                var at = multi.Length > 0 ? multi[_random.Next(multi.Length)] + 1 : _random.Next(b.Count + 1);
                b = b.Take(at).ToList();
                break;
            case 2:
                b.InsertRange(0, _random.Next(2) == 0 ? [0xFF, 0xFE] : [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]);
                break;
            default:
                b.InsertRange(_random.Next(b.Count + 1), [0xC3, 0x28, 0x00, 0xF0, 0x28, 0x8C, 0xBC]);
                break;
        }
        Last = "bytes";
        return b.ToArray();
    }

    /// <summary>Which kind of break the last call to <see cref="Once"/> made (for failure messages).</summary>
    public string Last { get; private set; } = "";

    private string Once(string text, string otherText)
    {
        var kind = _random.Next(16);
        Last = kind.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (kind)
        {
            case 0: return FlipChars(text);
            case 1: return text[.._random.Next(text.Length + 1)];
            case 2: return InsertAtLine(text, DeepNesting());
            case 3: return ReplaceNumber(text, HugeNumbers[_random.Next(HugeNumbers.Length)]);
            case 4: return DuplicateLine(text);
            case 5: return Tabs(text);
            case 6: return new[] { "", " ", "\n\n", "---", "~", "...", "# only a comment\n", "\uFEFF" }[_random.Next(8)];
            case 7: return Binary();
            case 8: return DeleteLine(text);
            case 9: return ReplaceValue(text, Structures[_random.Next(Structures.Length)]);
            case 10: return text + "\nbomb_a: &a [x, x, x, x, x, x, x, x]\nbomb_b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nbomb_c: [*b, *b, *b, *b, *b, *b, *b, *b]\n";
            case 11: return SwapLines(text);
            case 12: return InsertAtLine(text, Lines(otherText)[_random.Next(Lines(otherText).Length)]);
            case 13: return ReplaceValue(text, HugeNumbers[_random.Next(HugeNumbers.Length)]);
            case 14: return Regex.Replace(text, "extends: .*", new[] { "extends: fuzz-missing.yaml", "extends: forge-ministerial-2026.yaml", "extends: baseline-2024.yaml", "extends: []", "extends:", "extends: \0" }[_random.Next(6)]);
            default: return RenameKey(text);
        }
    }

    private string FlipChars(string text)
    {
        if (text.Length == 0) return text;
        var chars = text.ToCharArray();
        for (var n = 1 + _random.Next(8); n > 0; n--)
        {
            var at = _random.Next(chars.Length);
            chars[at] = _random.Next(2) == 0 ? Tricky[_random.Next(Tricky.Length)] : (char)_random.Next(0x20, 0x7f);
        }
        return new string(chars);
    }

    private string DeepNesting()
    {
        var depth = new[] { 10, 70, 500, 5000, 50000 }[_random.Next(5)];
        var close = _random.Next(2) == 0;
        return _random.Next(4) switch
        {
            0 => "deep: " + new string('[', depth) + (close ? new string(']', depth) : ""),
            1 => "deep: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + (close ? "1" + new string('}', depth) : ""),
            2 => "deep:\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 2000)).Select(i => new string(' ', i + 1) + "- \n")),
            _ => "deep: " + string.Concat(Enumerable.Repeat("- [", depth)),
        };
    }

    private static string[] Lines(string text) => text.Split('\n');

    private string InsertAtLine(string text, string line)
    {
        var lines = Lines(text).ToList();
        lines.Insert(_random.Next(lines.Count + 1), line);
        return string.Join('\n', lines);
    }

    private string DuplicateLine(string text)
    {
        var lines = Lines(text).ToList();
        var at = _random.Next(lines.Count);
        lines.Insert(at, lines[at]);
        return string.Join('\n', lines);
    }

    private string DeleteLine(string text)
    {
        var lines = Lines(text).ToList();
        lines.RemoveAt(_random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private string SwapLines(string text)
    {
        var lines = Lines(text);
        var (a, b) = (_random.Next(lines.Length), _random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private string Tabs(string text)
    {
        var lines = Lines(text);
        for (var n = 1 + _random.Next(3); n > 0; n--)
        {
            var at = _random.Next(lines.Length);
            lines[at] = _random.Next(2) == 0 ? Regex.Replace(lines[at], "^ +", "\t") : lines[at].Replace(": ", ":\t", StringComparison.Ordinal);
        }
        return string.Join('\n', lines);
    }

    private string Binary()
    {
        var bytes = new byte[1 + _random.Next(4000)];
        _random.NextBytes(bytes);
        return _random.Next(2) == 0 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    private string ReplaceNumber(string text, string with) => ReplaceNth(NumberToken(), text, with);

    private string ReplaceValue(string text, string with) => ReplaceNth(ValueToken(), text, with);

    private string RenameKey(string text)
    {
        var keys = KeyToken().Matches(text);
        if (keys.Count == 0) return text;
        var m = keys[_random.Next(keys.Count)];
        var name = m.Groups[1].Value.ToCharArray();
        name[_random.Next(name.Length)] = (char)('a' + _random.Next(26));
        return text[..m.Groups[1].Index] + new string(name) + text[(m.Groups[1].Index + m.Groups[1].Length)..];
    }

    private string ReplaceNth(Regex pattern, string text, string with)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return text;
        var m = matches[_random.Next(matches.Count)];
        return text[..m.Index] + with + text[(m.Index + m.Length)..];
    }

    [GeneratedRegex(@"(?<=[:\[{,]\s*)-?[0-9][0-9._eE+-]*")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(?<=: )[^\s#,}\]]+")]
    private static partial Regex ValueToken();

    [GeneratedRegex(@"([a-z_]+):")]
    private static partial Regex KeyToken();
}
