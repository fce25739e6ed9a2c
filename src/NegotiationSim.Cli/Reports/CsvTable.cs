using System.Globalization;
using System.Text;

namespace NegotiationSim.Cli.Reports;

/// <summary>
/// One CSV file of a run folder, read by column name so that columns other branches add later do not break readers.
/// Every problem is a <see cref="RunFolderException"/> naming the file, the line and what is wrong.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    public string Path { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> Rows { get; }
    /// <summary>Line number in the file of each row (quoted fields may span lines).</summary>
    private readonly List<int> _lines;

    private CsvTable(string path, string[] header, List<string[]> rows, List<int> lines)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _lines = lines;
        _columns = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
    }

    public static CsvTable Read(string path, params string[] required)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException($"{path}: cannot be read ({e.Message})");
        }
        if (text.Contains('\0')) throw new RunFolderException($"{path}: is not a text file");
        var (records, lines) = Split(path, text);
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
            throw new RunFolderException($"{path}: is empty (expected a header line: {string.Join(",", required)})");
        var header = records[0];
        var missing = required.Where(r => !header.Contains(r)).ToArray();
        if (missing.Length > 0)
            throw new RunFolderException($"{path}:1: missing column(s) {string.Join(", ", missing)}");
        for (var i = 1; i < records.Count; i++)
            if (records[i].Length != header.Length)
                throw new RunFolderException($"{path}:{lines[i]}: expected {header.Length} fields, found {records[i].Length} (truncated file?)");
        return new CsvTable(path, header, records.Skip(1).ToList(), lines.Skip(1).ToList());
    }

    public string Text(int row, string column) => Rows[row][_columns[column]];

    public bool Has(string column) => _columns.ContainsKey(column);

    public int Int(int row, string column)
    {
        var s = Text(row, column);
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new RunFolderException($"{Path}:{_lines[row]}: {column} '{Clip(s)}' is not a whole number");
    }

    /// <summary>A number; an empty field is NaN (the run writes NaN as empty: no floor, no price).</summary>
    public double Number(int row, string column)
    {
        var s = Text(row, column);
        if (s.Length == 0) return double.NaN;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
            : throw new RunFolderException($"{Path}:{_lines[row]}: {column} '{Clip(s)}' is not a number");
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static (List<string[]> Records, List<int> Lines) Split(string path, string text)
    {
        var records = new List<string[]>();
        var lines = new List<int>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            // Fast path: most lines (all of rounds.csv and flows.csv) have no quotes; split them whole.
            if (!quoted && field.Length == 0 && fields.Count == 0)
            {
                var end = text.IndexOf('\n', i);
                var body = text.AsSpan(i, (end < 0 ? text.Length : end) - i).TrimEnd('\r');
                if (end >= 0 && !body.Contains('"'))
                {
                    records.Add(body.ToString().Split(','));
                    lines.Add(line);
                    line++;
                    start = line;
                    i = end;
                    continue;
                }
            }
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add([.. fields]); lines.Add(start); fields.Clear();
                    line++; start = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (quoted) throw new RunFolderException($"{path}:{start}: a quoted field is never closed (truncated file?)");
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); lines.Add(start); }
        return (records, lines);
    }
}

/// <summary>A run folder that cannot be read; the message says which file and what is wrong.</summary>
public sealed class RunFolderException(string message) : Exception(message);
