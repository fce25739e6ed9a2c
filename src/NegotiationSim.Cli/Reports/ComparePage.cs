using System.Text;
using NegotiationSim.Server.Reports;

namespace NegotiationSim.Cli.Reports;

/// <summary>`negsim compare --html`: the differences between two runs on one self-contained page, with A and B drawn together.</summary>
public static class ComparePage
{
    private const string Key = "<p class=\"key\"><span><i class=\"k1\"></i>A in the bloc</span><span><i class=\"k2\"></i>B in the bloc</span><span><i class=\"k3\"></i>A outside</span><span><i class=\"k4\"></i>B outside</span></p>";

    public static string Build(RunComparison d)
    {
        var sb = new StringBuilder();
        var (a, b) = (d.A.Summary, d.B.Summary);
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append($"<title>{Html.E(a.Scenario)} vs {Html.E(b.Scenario)} — negsim compare</title><style>{Html.Style}</style></head><body>");
        sb.Append("<h1>What changed between two runs</h1><table><tr><th></th><th>scenario</th><th>question</th><th>seed</th><th>months</th><th>folder</th></tr>");
        foreach (var (tag, run) in new[] { ("A", d.A), ("B", d.B) })
            sb.Append($"<tr><th>{tag}</th><td>{Html.E(run.Summary.Scenario)}</td><td>{Html.E(run.Summary.Question)}</td><td>{run.Summary.Seed}</td><td>{Html.E(run.Summary.FirstMonth)} – {Html.E(run.Summary.LastMonth)}</td><td><code>{Html.E(Path.GetFileName(run.Dir))}</code></td></tr>");
        sb.Append("</table>");
        foreach (var only in d.Setup.Where(x => x.What.EndsWith("one run only", StringComparison.Ordinal)))
            sb.Append($"<p>{Html.E(only.What)}: A {Html.E(only.A.Length > 0 ? only.A : "none")}; B {Html.E(only.B.Length > 0 ? only.B : "none")}. Tables show “–” where a run has no value.</p>");
        if (d.A.Rounds != d.B.Rounds)
            sb.Append("<p>The runs differ in length: prices, welfare and security are compared at each run's last month.</p>");
        if (d.Identical) sb.Append("<p><b>No differences</b> in prices, bloc membership, welfare, supply security or events.</p>");
        Prices(sb, d);
        Membership(sb, d);
        Welfare(sb, d);
        Security(sb, d);
        Events(sb, d);
        sb.Append("<p class=\"muted\">Written by <code>negsim compare</code>; self-contained (no scripts, fonts or links to fetch).</p></body></html>");
        return sb.ToString();
    }

    private static void Prices(StringBuilder sb, RunComparison d)
    {
        sb.Append("<h2>Prices</h2>");
        if (d.Prices.Count == 0) { sb.Append("<p>The same in the last month in every market.</p>"); return; }
        sb.Append("<p class=\"muted\">Delivered prices, $/t. The markets that moved most, month by month:</p>").Append(Key).Append("<div class=\"grid\">");
        var months = d.A.Rounds >= d.B.Rounds ? d.A.Months : d.B.Months;
        foreach (var p in d.Prices.Take(9))
        {
            double[] Path(RunFolder run, Func<PriceRow, double> pick)
            {
                var v = Enumerable.Repeat(double.NaN, months.Count).ToArray();
                foreach (var x in run.Prices.Where(x => x.Mineral == p.Mineral && x.Stage == p.Stage)) v[x.Round - 1] = pick(x);
                return v;
            }
            var series = new[]
            {
                new Series("A in the bloc", Path(d.A, x => x.Member), 1), new Series("B in the bloc", Path(d.B, x => x.Member), 2),
                new Series("A outside", Path(d.A, x => x.Outsider), 3), new Series("B outside", Path(d.B, x => x.Outsider), 4, Dashed: true),
            };
            sb.Append("<figure>").Append(Svg.Lines($"{p.Mineral}, {p.Stage}", months, series, Html.Short)).Append("</figure>");
        }
        sb.Append("</div><h3>Last month, every market that differs</h3><table><tr><th>mineral</th><th>stage</th><th class=\"n\">in bloc A</th><th class=\"n\">B</th><th class=\"n\">change</th><th class=\"n\">outside A</th><th class=\"n\">B</th><th class=\"n\">change</th><th class=\"n\">China A</th><th class=\"n\">B</th><th class=\"n\">floor A</th><th class=\"n\">B</th></tr>");
        foreach (var p in d.Prices)
            sb.Append($"<tr><td>{Html.E(p.Mineral)}</td><td>{Html.E(p.Stage)}</td><td class=\"n\">{Html.Num(p.MemberA)}</td><td class=\"n\">{Html.Num(p.MemberB)}</td><td class=\"n\">{Html.Change(p.MemberA, p.MemberB)}</td><td class=\"n\">{Html.Num(p.OutsiderA)}</td><td class=\"n\">{Html.Num(p.OutsiderB)}</td><td class=\"n\">{Html.Change(p.OutsiderA, p.OutsiderB)}</td><td class=\"n\">{Html.Num(p.ChinaA)}</td><td class=\"n\">{Html.Num(p.ChinaB)}</td><td class=\"n\">{Html.Num(p.FloorA)}</td><td class=\"n\">{Html.Num(p.FloorB)}</td></tr>");
        sb.Append("</table>");
    }

    private static void Membership(StringBuilder sb, RunComparison d)
    {
        sb.Append("<h2>Bloc membership</h2>");
        var months = d.A.Rounds >= d.B.Rounds ? d.A.Months : d.B.Months;
        double[] Count(RunFolder run) => months.Select((_, i) => i < run.Rounds ? run.MembersByRound[i].Count : double.NaN).ToArray();
        sb.Append("<p class=\"key\"><span><i class=\"k1\"></i>A</span><span><i class=\"k2\"></i>B</span></p><figure>")
            .Append(Svg.Lines("Members", months, [new Series("A", Count(d.A), 1), new Series("B", Count(d.B), 2)], v => Html.Num(v), 1100, 160, minStep: 1)).Append("</figure>");
        if (d.Membership.Count == 0) { sb.Append("<p>The same members in every month.</p>"); return; }
        sb.Append("<table><tr><th>country</th><th class=\"n\">months as member A</th><th class=\"n\">B</th><th>member at the end A → B</th><th>first month that differs</th></tr>");
        foreach (var m in d.Membership)
            sb.Append($"<tr><td>{Html.E(m.Country)}</td><td class=\"n\">{m.MonthsA}</td><td class=\"n\">{m.MonthsB}</td><td>{(m.EndA ? "yes" : "no")} → {(m.EndB ? "yes" : "no")}</td><td>{Html.E(m.FirstDifference)}</td></tr>");
        sb.Append("</table>");
    }

    private static void Welfare(StringBuilder sb, RunComparison d)
    {
        sb.Append("<h2>Welfare by country</h2>");
        if (d.Welfare.Count == 0) { sb.Append("<p>The same for every country.</p>"); return; }
        var bars = d.Welfare.Where(w => double.IsFinite(w.B - w.A)).OrderByDescending(w => w.B - w.A).Select(w => (w.Country, (w.B - w.A) / 1e6)).ToArray();
        sb.Append("<figure>").Append(Svg.Bars("Welfare, B − A, $ million/month, last month", bars, v => Html.Num(v, "N2"), 760)).Append("</figure>");
        sb.Append("<table><tr><th>country</th><th class=\"n\">A, $M/month</th><th class=\"n\">B</th><th class=\"n\">B − A</th></tr>");
        foreach (var w in d.Welfare)
            sb.Append($"<tr><td>{Html.E(w.Country)}</td><td class=\"n\">{Html.Num(w.A / 1e6, "N2")}</td><td class=\"n\">{Html.Num(w.B / 1e6, "N2")}</td><td class=\"n {(w.B >= w.A ? "up" : "down")}\">{Html.Num((w.B - w.A) / 1e6, "N2")}</td></tr>");
        sb.Append("</table>");
    }

    private static void Security(StringBuilder sb, RunComparison d)
    {
        sb.Append("<h2>Supply security, refined stage</h2>");
        if (d.Security.Count == 0) { sb.Append("<p>US import reliance and China's share of output are the same for every mineral.</p>"); return; }
        sb.Append("<table><tr><th>mineral</th><th class=\"n\">US import reliance A</th><th class=\"n\">B</th><th class=\"n\">China's share A</th><th class=\"n\">B</th></tr>");
        foreach (var s in d.Security)
            sb.Append($"<tr><td>{Html.E(s.Mineral)}</td><td class=\"n\">{Html.Pct(s.UsRelianceA)}</td><td class=\"n\">{Html.Pct(s.UsRelianceB)}</td><td class=\"n\">{Html.Pct(s.ChinaShareA)}</td><td class=\"n\">{Html.Pct(s.ChinaShareB)}</td></tr>");
        sb.Append("</table>");
        var months = d.A.Rounds >= d.B.Rounds ? d.A.Months : d.B.Months;
        double[] Path(RunFolder run, string mineral, Func<SecurityRecord, double> pick)
        {
            var v = Enumerable.Repeat(double.NaN, months.Count).ToArray();
            foreach (var x in run.SecurityByRound.Where(x => x.Mineral == mineral)) v[x.Round - 1] = pick(x);
            return v;
        }
        sb.Append("<p class=\"key\"><span><i class=\"k1\"></i>US import reliance A</span><span><i class=\"k2\"></i>B</span><span><i class=\"k3\"></i>China's share A</span><span><i class=\"k4\"></i>B</span></p><div class=\"grid\">");
        foreach (var s in d.Security.Take(9))
            sb.Append("<figure>").Append(Svg.Lines(s.Mineral, months,
            [
                new Series("US import reliance, A", Path(d.A, s.Mineral, x => x.UsImportReliance), 1), new Series("US import reliance, B", Path(d.B, s.Mineral, x => x.UsImportReliance), 2),
                new Series("China's share, A", Path(d.A, s.Mineral, x => x.ChinaShare), 3), new Series("China's share, B", Path(d.B, s.Mineral, x => x.ChinaShare), 4, Dashed: true),
            ], Html.Pct, 380, 170)).Append("</figure>");
        sb.Append("</div>");
    }

    private static void Events(StringBuilder sb, RunComparison d)
    {
        sb.Append("<h2>Events in one run only</h2>");
        if (d.Events.Count == 0) { sb.Append("<p>The same shocks, threats and membership moves in both.</p>"); return; }
        sb.Append("<table><tr><th>run</th><th>month</th><th>what</th><th>who</th><th>why</th></tr>");
        foreach (var e in d.Events)
            sb.Append($"<tr><td>{e.Run}</td><td>{Html.E(e.Month)}</td><td>{Html.E(e.Event.Kind)}</td><td>{Html.E($"{e.Event.Country} {e.Event.Mineral} {e.Event.Stage}".Trim())}</td><td>{Html.E(e.Event.Reason)}</td></tr>");
        sb.Append("</table>");
    }
}
