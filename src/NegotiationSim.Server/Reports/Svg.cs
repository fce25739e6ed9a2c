using System.Globalization;
using System.Text;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Server.Reports;

/// <summary>A line on a chart: values per round (NaN = no value, the line breaks); style is 1–4 (colour), dashed for floors.</summary>
public sealed record Series(string Name, IReadOnlyList<double> Values, int Style, bool Dashed = false);

/// <summary>
/// Inline SVG charts drawn here, so the report needs no script, font or file from anywhere: it opens offline. Colours
/// come from the page's CSS classes, so the charts follow its light or dark theme. Labels are escaped.
/// </summary>
public static class Svg
{
    private static string P(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Lines over rounds with a y axis from zero (or the lowest value if negative) to a rounded maximum.</summary>
    public static string Lines(string title, IReadOnlyList<string> months, IReadOnlyList<Series> series, Func<double, string> label,
        int width = 380, int height = 200, double minStep = 0)
    {
        const int left = 52, right = 10, top = 22, bottom = 26;
        var values = series.SelectMany(s => s.Values).Where(Drawable).ToArray();
        var max = values.Length == 0 ? 1 : values.Max();
        var min = values.Length == 0 ? 0 : Math.Min(0, values.Min());
        var (lo, hi, step) = NiceRange(min, max, minStep);
        var n = Math.Max(1, months.Count - 1);
        double X(int i) => left + (width - left - right) * (double)i / n;
        double Y(double v) => top + (height - top - bottom) * (1 - (v - lo) / (hi - lo));
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.E(title)}\"><title>{Html.E(title)}</title>");
        sb.Append($"<text x=\"{left}\" y=\"14\" font-weight=\"600\">{Html.E(title)}</text>");
        var ticks = double.IsFinite((hi - lo) / step) ? Math.Clamp((int)Math.Round((hi - lo) / step), 1, 20) : 1; // counted, so no float step can loop
        for (var k = 0; k <= ticks; k++)
        {
            var v = lo + k * step;
            sb.Append($"<line class=\"axis\" x1=\"{left}\" x2=\"{width - right}\" y1=\"{P(Y(v))}\" y2=\"{P(Y(v))}\"/><text class=\"lbl\" x=\"{left - 4}\" y=\"{P(Y(v) + 4)}\" text-anchor=\"end\">{Html.E(label(v))}</text>");
        }
        foreach (var i in XTicks(months.Count, width))
            sb.Append($"<text class=\"lbl\" x=\"{P(X(i))}\" y=\"{height - 8}\" text-anchor=\"{Anchor(i, months.Count)}\">{Html.E(months[i])}</text>");
        foreach (var s in series)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < s.Values.Count && i < months.Count; i++)
            {
                if (!Drawable(s.Values[i])) { pen = false; continue; }
                path.Append(pen ? 'L' : 'M').Append(P(X(i))).Append(',').Append(P(Y(s.Values[i])));
                pen = true;
            }
            if (path.Length == 0) continue;
            sb.Append($"<path class=\"s{s.Style}{(s.Dashed ? " dash" : "")}\" fill=\"none\" stroke-width=\"2\" d=\"{path}\"><title>{Html.E(s.Name)}</title></path>");
            if (months.Count == 1) sb.Append($"<circle class=\"f{s.Style}\" cx=\"{P(X(0))}\" cy=\"{P(Y(s.Values[0]))}\" r=\"3\"/>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Beyond ±1e200 a number is damage, not data: leave it out (the line breaks) so the axis stays finite.</summary>
    private static bool Drawable(double v) => double.IsFinite(v) && Math.Abs(v) < 1e200;

    /// <summary>Horizontal bars either side of zero, one per label (welfare gains right, losses left).</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double Value)> bars, Func<double, string> label, int width = 560)
    {
        const int rowHeight = 18, top = 24, labelWidth = 70, valueWidth = 64;
        bars = bars.Where(b => Drawable(b.Value)).ToArray();
        var height = top + bars.Count * rowHeight + 8;
        var max = bars.Count == 0 ? 1 : Math.Max(1e-12, bars.Max(b => Math.Abs(b.Value)));
        var hasNegative = bars.Any(b => b.Value < 0);
        var plot = width - labelWidth - 2 * valueWidth;
        var zero = labelWidth + valueWidth + (hasNegative ? plot / 2.0 : 0);
        var scale = (hasNegative ? plot / 2.0 : plot) / max;
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.E(title)}\"><title>{Html.E(title)}</title>");
        sb.Append($"<text x=\"0\" y=\"14\" font-weight=\"600\">{Html.E(title)}</text>");
        sb.Append($"<line class=\"axis\" x1=\"{P(zero)}\" x2=\"{P(zero)}\" y1=\"{top - 4}\" y2=\"{height - 4}\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (name, v) = bars[i];
            var y = top + i * rowHeight;
            var w = Math.Abs(v) * scale;
            var x = v >= 0 ? zero : zero - w;
            sb.Append($"<text x=\"0\" y=\"{y + 12}\">{Html.E(name)}</text>");
            sb.Append($"<rect class=\"{(v >= 0 ? "fup" : "fdown")}\" x=\"{P(x)}\" y=\"{y + 2}\" width=\"{P(Math.Max(w, 0.5))}\" height=\"{rowHeight - 5}\"><title>{Html.E(name)}: {Html.E(label(v))}</title></rect>");
            var tx = v >= 0 ? x + w + 4 : x - 4;
            sb.Append($"<text class=\"lbl\" x=\"{P(tx)}\" y=\"{y + 12}\" text-anchor=\"{(v >= 0 ? "start" : "end")}\">{Html.E(label(v))}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>One row per country, one column per round, filled while a member; runs of months are one rectangle.</summary>
    public static string Membership(IReadOnlyList<string> countries, IReadOnlyList<string> months, IReadOnlyList<IReadOnlySet<string>> members, int width = 1100)
    {
        const int rowHeight = 14, left = 60, top = 8, bottom = 22;
        var height = top + countries.Count * rowHeight + bottom;
        var cell = (width - left - 10) / (double)Math.Max(1, months.Count);
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Bloc membership by country and month\"><title>Bloc membership by country and month</title>");
        for (var c = 0; c < countries.Count; c++)
        {
            var y = top + c * rowHeight;
            sb.Append($"<text x=\"0\" y=\"{y + 11}\">{Html.E(countries[c])}</text><line class=\"axis\" x1=\"{left}\" x2=\"{width - 10}\" y1=\"{y + rowHeight - 1}\" y2=\"{y + rowHeight - 1}\"/>");
            for (var r = 0; r < months.Count;)
            {
                if (!members[r].Contains(countries[c])) { r++; continue; }
                var start = r;
                while (r < months.Count && members[r].Contains(countries[c])) r++;
                sb.Append($"<rect class=\"f1\" x=\"{P(left + start * cell)}\" y=\"{y + 2}\" width=\"{P((r - start) * cell)}\" height=\"{rowHeight - 4}\"><title>{Html.E(countries[c])}: member {Html.E(months[start])} – {Html.E(months[r - 1])}</title></rect>");
            }
        }
        foreach (var i in XTicks(months.Count, width))
        {
            var anchor = Anchor(i, months.Count); // first and last labels sit on the grid's edges, the others mid-month
            var x = anchor switch { "start" => left + i * cell, "end" => left + (i + 1) * cell, _ => left + (i + 0.5) * cell };
            sb.Append($"<text class=\"lbl\" x=\"{P(x)}\" y=\"{height - 6}\" text-anchor=\"{anchor}\">{Html.E(months[i])}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Events on a month axis, one lane per kind; hovering a dot shows who and why.</summary>
    public static string Timeline(IReadOnlyList<string> months, IReadOnlyList<RunEvent> events, int width = 1100)
    {
        var kinds = events.Select(e => e.Kind).Distinct().ToArray();
        const int rowHeight = 18, left = 190, top = 8, bottom = 22;
        var height = top + Math.Max(1, kinds.Length) * rowHeight + bottom;
        var n = Math.Max(1, months.Count - 1);
        double X(int round) => left + (width - left - 14) * (round - 1.0) / n;
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Event timeline\"><title>Event timeline</title>");
        for (var k = 0; k < kinds.Length; k++)
        {
            var y = top + k * rowHeight + rowHeight / 2;
            sb.Append($"<text x=\"0\" y=\"{y + 4}\">{Html.E(kinds[k])}</text><line class=\"axis\" x1=\"{left}\" x2=\"{width - 10}\" y1=\"{y}\" y2=\"{y}\"/>");
            foreach (var e in events.Where(e => e.Kind == kinds[k]))
            {
                var who = $"{e.Country} {e.Mineral} {e.Stage}".Trim();
                sb.Append($"<circle class=\"f{k % 4 + 1}\" cx=\"{P(X(e.Round))}\" cy=\"{y}\" r=\"4\" fill-opacity=\"0.8\"><title>round {e.Round}: {Html.E(e.Kind)} {Html.E(who)} — {Html.E(e.Reason)}</title></circle>");
            }
        }
        foreach (var i in XTicks(months.Count, width))
            sb.Append($"<text class=\"lbl\" x=\"{P(X(i + 1))}\" y=\"{height - 6}\" text-anchor=\"{Anchor(i, months.Count)}\">{Html.E(months[i])}</text>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A month label about every 90 px, always the first and the last.</summary>
    private static IEnumerable<int> XTicks(int count, int width)
    {
        if (count == 0) yield break;
        var every = Math.Max(1, (int)Math.Ceiling(count / Math.Max(2.0, width / 90.0)));
        for (var i = 0; i < count - 1; i += every)
            if (i == 0 || count - 1 - i >= every) yield return i; // no label crowding the last
        if (count > 1) yield return count - 1;
    }

    private static string Anchor(int i, int count) => i == count - 1 && count > 1 ? "end" : i == 0 ? "start" : "middle";

    /// <summary>A y range with round steps (1, 2 or 5 × 10^k), about five gridlines.</summary>
    private static (double Lo, double Hi, double Step) NiceRange(double min, double max, double minStep)
    {
        if (max <= min) max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
        var raw = (max - min) / 5;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Math.Max(minStep, (raw / mag) switch { <= 1 => mag, <= 2 => 2 * mag, <= 5 => 5 * mag, _ => 10 * mag });
        var (lo, hi) = (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
        // Extreme values (a damaged file, an exploding price) get a plain range rather than NaN coordinates.
        var span = Math.Max(1, Math.Abs(min));
        return double.IsFinite(lo) && double.IsFinite(hi) && step > 0 && hi > lo ? (lo, hi, step) : (min, min + span, span / 5);
    }
}
