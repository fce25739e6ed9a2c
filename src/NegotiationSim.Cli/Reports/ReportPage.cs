using System.Text;
using NegotiationSim.Core.Reports;
using NegotiationSim.Server.Reports;

namespace NegotiationSim.Cli.Reports;

/// <summary>
/// `negsim report`: one self-contained HTML page for a run folder. Charts are inline SVG, styles inline; nothing is
/// fetched, so the file can be mailed and opened offline. Sections follow what an analyst asks in turn: what happened
/// to prices against the floors, who was in the bloc and why, where the minerals went, who gained, and which events did it.
/// </summary>
public static class ReportPage
{
    /// <summary>Kinds that happen every round to many countries; listed apart so the timeline shows the decisions.</summary>
    internal static readonly string[] RoutineKinds = ["invest", "capacity", "recovery"];

    public static string Build(RunFolder run)
    {
        var s = run.Summary;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append($"<title>{Html.E(s.Scenario)} — negsim report</title><style>{Html.Style}</style></head><body>");
        sb.Append($"<h1>{Html.E(s.Scenario)}</h1><p class=\"question\">{Html.E(s.Question)}</p>");
        sb.Append($"<p class=\"muted\">Seed {s.Seed}, {Plural.Of(s.Rounds, "monthly round")}, {Html.E(s.FirstMonth)} to {Html.E(s.LastMonth)}; ");
        sb.Append($"{Plural.Of(run.Countries.Count, "country", "countries")}; bloc members {run.MembersByRound[0].Count} → {run.MembersByRound[^1].Count}; run folder <code>{Html.E(Path.GetFileName(run.Dir))}</code>.</p>");
        sb.Append("<nav><a href=\"#prices\">Prices and floors</a><a href=\"#membership\">Bloc membership</a><a href=\"#flows\">Flows</a><a href=\"#welfare\">Welfare</a><a href=\"#security\">Supply security</a><a href=\"#events\">Events</a>");
        if (run.Deals is not null) sb.Append("<a href=\"#deals\">Deals</a>");
        sb.Append("</nav>");
        Prices(sb, run);
        Membership(sb, run);
        Flows(sb, run);
        Welfare(sb, run);
        Security(sb, run);
        Events(sb, run);
        if (run.Deals is not null) Deals(sb, run.Deals);
        sb.Append("<p class=\"muted\">Written by <code>negsim report</code> from the run's files; self-contained (no scripts, fonts or links to fetch).</p></body></html>");
        return sb.ToString();
    }

    internal const string PriceKey = "<p class=\"key\"><span><i class=\"k1\"></i>in the bloc</span><span><i class=\"k2\"></i>outside (China excluded)</span><span><i class=\"k3\"></i>China</span><span><i class=\"k4\"></i>floor</span></p>";

    private static void Prices(StringBuilder sb, RunFolder run)
    {
        sb.Append("<h2 id=\"prices\">Prices with floors</h2><p class=\"muted\">Average delivered price, $/t, each month. A floor is the bloc's reference price, kept by a variable levy on outsiders.</p>");
        sb.Append(PriceKey).Append("<div class=\"grid\">");
        // Markets with a floor first: they are what the bloc's policy acts on.
        foreach (var market in run.Prices.GroupBy(p => (p.Mineral, p.Stage)).OrderBy(g => g.Any(p => double.IsFinite(p.Floor)) ? 0 : 1))
        {
            var rows = ByRound(run, market);
            var series = new List<Series>
            {
                new("in the bloc", rows.Select(p => p?.Member ?? double.NaN).ToArray(), 1),
                new("outside", rows.Select(p => p?.Outsider ?? double.NaN).ToArray(), 2),
                new("China", rows.Select(p => p?.China ?? double.NaN).ToArray(), 3),
            };
            if (rows.Any(p => p is not null && double.IsFinite(p.Floor)))
                series.Add(new("floor", rows.Select(p => p?.Floor ?? double.NaN).ToArray(), 4, Dashed: true));
            sb.Append("<figure>").Append(Svg.Lines($"{market.Key.Mineral}, {market.Key.Stage}", run.Months, series, Html.Short)).Append("</figure>");
        }
        sb.Append("</div>");
    }

    private static PriceRow?[] ByRound(RunFolder run, IEnumerable<PriceRow> market)
    {
        var rows = new PriceRow?[run.Rounds];
        foreach (var p in market) rows[p.Round - 1] = p;
        return rows;
    }

    private static void Membership(StringBuilder sb, RunFolder run)
    {
        sb.Append("<h2 id=\"membership\">Bloc membership over time</h2>");
        sb.Append("<figure>").Append(Svg.Lines("Members", run.Months, [new Series("members", run.MembersByRound.Select(m => (double)m.Count).ToArray(), 1)],
            v => Html.Num(v), 1100, 160, minStep: 1)).Append("</figure>");
        var ever = run.Countries.Where(c => run.MembersByRound.Any(m => m.Contains(c))).ToArray();
        var never = run.Countries.Except(ever).ToArray();
        sb.Append("<figure>").Append(Svg.Membership(ever, run.Months, run.MembersByRound)).Append("<figcaption>Filled while a member. ");
        sb.Append(never.Length == 0 ? "Every country was a member at some point." : $"Never members: {Html.E(string.Join(", ", never))}.").Append("</figcaption></figure>");
        var moves = run.Events.Where(e => e.Kind is "joined" or "left" or "decides-to-join" or "decides-to-leave").ToArray();
        if (moves.Length > 0)
        {
            sb.Append("<h3>Joins and exits, with reasons</h3><table><tr><th>month</th><th>country</th><th>move</th><th>why</th></tr>");
            foreach (var e in moves)
                sb.Append($"<tr><td>{Html.E(run.Months[e.Round - 1])}</td><td>{Html.E(e.Country)}</td><td>{Html.E(e.Kind)}</td><td>{Html.E(e.Reason)}</td></tr>");
            sb.Append("</table>");
        }
        var last = run.Stability.Where(x => x.Round == run.Rounds).ToArray();
        if (last.Length > 0)
        {
            var head = last[0];
            sb.Append($"<h3>Stability in {Html.E(run.Months[^1])}</h3><p>Internally {(head.InternallyStable ? "stable" : "<b>unstable</b>")}, externally {(head.ExternallyStable ? "stable" : "<b>unstable</b>")}.</p>");
            var margins = last.Where(x => x.Side.Length > 0).ToArray();
            if (margins.Length > 0)
            {
                sb.Append("<table><tr><th>country</th><th>would</th><th class=\"n\">margin, $/month</th><th>reasons</th></tr>");
                foreach (var m in margins.OrderByDescending(m => m.Margin))
                    sb.Append($"<tr><td>{Html.E(m.Country)}</td><td>{Html.E(m.Side.Replace('_', ' '))}</td><td class=\"n\">{Html.Short(m.Margin)}</td><td>{Html.E(m.Reasons)}</td></tr>");
                sb.Append("</table>");
            }
        }
    }

    private static void Flows(StringBuilder sb, RunFolder run)
    {
        var (firstRound, lastRound) = (1, run.Rounds);
        Dictionary<(string, string), double> Trade(int round) => run.Flows
            .Where(f => f.Round == round && f.Origin != f.Destination && double.IsFinite(f.Value))
            .GroupBy(f => (f.Origin, f.Destination)).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var last = Trade(lastRound);
        var first = Trade(firstRound);
        var main = last.SelectMany(kv => new[] { (kv.Key.Item1, kv.Value), (kv.Key.Item2, kv.Value) })
            .GroupBy(x => x.Item1).OrderByDescending(g => g.Sum(x => x.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10).Select(g => g.Key).ToArray();
        sb.Append($"<h2 id=\"flows\">Flows between the main countries</h2><p class=\"muted\">Cross-border trade in {Html.E(run.Months[^1])}, all minerals and stages, at delivered prices, $/month; rows export to columns. The ten countries with most trade.</p>");
        if (main.Length == 0) { sb.Append("<p>No cross-border flows in the last round.</p>"); return; }
        var max = main.SelectMany(o => main.Select(d => last.GetValueOrDefault((o, d)))).DefaultIfEmpty(0).Max();
        sb.Append("<table><tr><th>from \\ to</th>");
        foreach (var d in main) sb.Append($"<th class=\"n\">{Html.E(d)}</th>");
        sb.Append("</tr>");
        foreach (var o in main)
        {
            sb.Append($"<tr><th>{Html.E(o)}</th>");
            foreach (var d in main)
            {
                var v = last.GetValueOrDefault((o, d));
                var a = max > 0 ? Math.Sqrt(v / max) : 0; // square root: small partners stay visible next to China's flows
                sb.Append(o == d || v == 0 ? "<td class=\"n muted\">·</td>" : $"<td class=\"heat\" style=\"--a:{a.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}\">{Html.Short(v)}</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</table>");
        sb.Append($"<h3>Largest bilateral flows, {Html.E(run.Months[^1])} (vs {Html.E(run.Months[0])})</h3><table><tr><th>from</th><th>to</th><th class=\"n\">$/month</th><th class=\"n\">first month</th><th class=\"n\">change</th></tr>");
        foreach (var ((o, d), v) in last.OrderByDescending(kv => kv.Value).Take(15))
        {
            var v0 = first.GetValueOrDefault((o, d), double.NaN);
            sb.Append($"<tr><td>{Html.E(o)}</td><td>{Html.E(d)}</td><td class=\"n\">{Html.Short(v)}</td><td class=\"n\">{Html.Short(v0)}</td><td class=\"n\">{Html.Change(v0, v)}</td></tr>");
        }
        sb.Append("</table>");
        // Per mineral, refined stage, in tonnes: where a control or a floor bites, the totals above hide it.
        var refined = run.Flows.Where(f => f.Round == lastRound && f.Stage == "refined" && f.Origin != f.Destination).GroupBy(f => f.Mineral).ToArray();
        if (refined.Length == 0) return;
        sb.Append($"<details><summary>Largest refined-stage flows by mineral, {Html.E(run.Months[^1])}, tonnes/month</summary><div class=\"grid\">");
        foreach (var mineral in refined)
        {
            sb.Append($"<div><h3>{Html.E(mineral.Key)}</h3><table><tr><th>from</th><th>to</th><th class=\"n\">t/month</th><th class=\"n\">$/t delivered</th></tr>");
            foreach (var f in mineral.OrderByDescending(f => f.Tonnes).Take(8))
                sb.Append($"<tr><td>{Html.E(f.Origin)}</td><td>{Html.E(f.Destination)}</td><td class=\"n\">{Html.Num(f.Tonnes, "#,0.##")}</td><td class=\"n\">{Html.Num(f.DeliveredPrice)}</td></tr>");
            sb.Append("</table></div>");
        }
        sb.Append("</div></details>");
    }

    private static void Welfare(StringBuilder sb, RunFolder run)
    {
        var bars = run.Summary.WelfareByCountry.OrderByDescending(w => w.Change).Select(w => (w.Country, w.Change / 1e6)).ToArray();
        sb.Append($"<h2 id=\"welfare\">Welfare by country</h2><p class=\"muted\">Change against the base year in {Html.E(run.Summary.LastMonth)}: consumer and producer surplus, tariff revenue, export rents and subsidies, $ million/month.</p>");
        sb.Append("<figure>").Append(Svg.Bars("Welfare change, $ million/month", bars, v => Html.Num(v, "N1"), 760)).Append("</figure>");
        var movers = run.WelfareByRound.OrderByDescending(kv => Math.Abs(kv.Value[^1])).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(4).ToArray();
        if (movers.Length > 0 && run.Rounds > 1)
        {
            var series = movers.Select((kv, i) => new Series(kv.Key, kv.Value.Select(v => v / 1e6).ToArray(), i + 1)).ToArray();
            sb.Append("<p class=\"key\">").Append(string.Concat(movers.Select((kv, i) => $"<span><i class=\"k{i + 1}\"></i>{Html.E(kv.Key)}</span>"))).Append("</p>");
            sb.Append("<figure>").Append(Svg.Lines("Largest movers over time, $ million/month", run.Months, series, v => Html.Num(v, "N1"), 1100, 220)).Append("</figure>");
        }
    }

    private static void Security(StringBuilder sb, RunFolder run)
    {
        sb.Append("<h2 id=\"security\">Supply security, refined stage</h2><table><tr><th>mineral</th><th class=\"n\">US import reliance</th><th class=\"n\">China's share of output</th></tr>");
        foreach (var x in run.Summary.Security)
            sb.Append($"<tr><td>{Html.E(x.Mineral)}</td><td class=\"n\">{Html.Pct(x.UsRelianceFirst)} → {Html.Pct(x.UsRelianceLast)}</td><td class=\"n\">{Html.Pct(x.ChinaShareFirst)} → {Html.Pct(x.ChinaShareLast)}</td></tr>");
        sb.Append("</table>");
        // Month by month, recomputed from rounds.csv as the run defines them (needs countries USA and CHN in the world).
        if (run.Rounds < 2 || run.SecurityByRound.Count == 0) return;
        sb.Append("<p class=\"key\"><span><i class=\"k1\"></i>US import reliance</span><span><i class=\"k3\"></i>China's share of refined output</span></p><div class=\"grid\">");
        foreach (var mineral in run.SecurityByRound.GroupBy(x => x.Mineral))
        {
            var (us, china) = (new double[run.Rounds], new double[run.Rounds]);
            foreach (var x in mineral) (us[x.Round - 1], china[x.Round - 1]) = (x.UsImportReliance, x.ChinaShare);
            sb.Append("<figure>").Append(Svg.Lines(mineral.Key, run.Months, [new Series("US import reliance", us, 1), new Series("China's share", china, 3)],
                Html.Pct, 380, 170)).Append("</figure>");
        }
        sb.Append("</div>");
    }

    private static void Events(StringBuilder sb, RunFolder run)
    {
        var decisions = run.Events.Where(e => !RoutineKinds.Contains(e.Kind)).ToArray();
        var routine = run.Events.Where(e => RoutineKinds.Contains(e.Kind)).ToArray();
        sb.Append("<h2 id=\"events\">Event timeline, with reasons</h2>");
        if (decisions.Length == 0) sb.Append("<p>No shocks, threats or membership moves in this run.</p>");
        else
        {
            sb.Append("<figure>").Append(Svg.Timeline(run.Months, decisions.Select(e => new RunEvent(e.Round, e.Kind, e.Country, e.Mineral, e.Stage, e.Value, e.Reason)).ToArray())).Append("<figcaption>Hover a dot for who and why.</figcaption></figure>");
            EventTable(sb, run, decisions);
        }
        if (routine.Length > 0)
        {
            sb.Append($"<details><summary>{Plural.Of(routine.Length, "investment and capacity event")}</summary>");
            EventTable(sb, run, routine.Take(1000).ToArray());
            if (routine.Length > 1000) sb.Append($"<p class=\"muted\">First 1,000 of {routine.Length}; all are in events.csv.</p>");
            sb.Append("</details>");
        }
    }

    private static void EventTable(StringBuilder sb, RunFolder run, IReadOnlyList<EventRecord> events)
    {
        sb.Append("<table><tr><th>month</th><th>what</th><th>who</th><th>why</th></tr>");
        foreach (var e in events)
            sb.Append($"<tr><td>{Html.E(run.Months[e.Round - 1])}</td><td>{Html.E(e.Kind)}</td><td>{Html.E($"{e.Country} {e.Mineral} {e.Stage}".Trim())}</td><td>{Html.E(e.Reason)}</td></tr>");
        sb.Append("</table>");
    }

    private static void Deals(StringBuilder sb, CsvTable deals)
    {
        sb.Append($"<h2 id=\"deals\">Deals</h2><p class=\"muted\">From deals.csv ({deals.Rows.Count} rows).</p><table><tr>");
        foreach (var h in deals.Header) sb.Append($"<th>{Html.E(h)}</th>");
        sb.Append("</tr>");
        foreach (var row in deals.Rows.Take(500))
            sb.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Html.E(c)}</td>"))).Append("</tr>");
        sb.Append("</table>");
        if (deals.Rows.Count > 500) sb.Append($"<p class=\"muted\">First 500 of {deals.Rows.Count}.</p>");
    }
}
