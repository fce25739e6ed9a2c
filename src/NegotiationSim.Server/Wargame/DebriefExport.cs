using System.Globalization;
using System.Text;
using NegotiationSim.Server.Reports;
using Page = NegotiationSim.Server.Reports.Html;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The debrief for grading: CSV (a row per team and round, the team next to the computer in its seat) and a
/// self-contained HTML page (charts inline, every name escaped).
/// </summary>
public static class DebriefExport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string CsvHeader = "team,country,round,month,played_by,member,computer_member,bloc_move,computer_bloc_move,deals_signed,computer_deals_signed,"
        + "welfare,computer_welfare,difference,cumulative_difference,concessions";

    public static string Csv(DebriefView d)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var t in d.Teams)
            foreach (var r in t.Rounds)
                sb.Append(Inv, $"{Field(t.TeamName)},{Field(t.Country)},{r.Round},{Field(r.Month)},{(r.TeamPlayed ? "team" : "computer")},{YesNo(r.Team.Member)},{YesNo(r.Computer.Member)},")
                    .Append(Inv, $"{Field(r.Team.Bloc)},{Field(r.Computer.Bloc)},{Field(string.Join(" | ", r.Team.Deals))},{Field(string.Join(" | ", r.Computer.Deals))},")
                    .Append(Inv, $"{Num(r.Team.Welfare)},{Num(r.Computer.Welfare)},{Num(r.Difference)},{Num(r.Cumulative)},{r.Concessions}\n");
        return sb.ToString();
    }

    private static string YesNo(bool b) => b ? "yes" : "no";

    /// <summary>$/month to the cent: the solver's last digits (a difference of -1.8E-09 between equal worlds) are not money.</summary>
    private static string Num(double x) => double.IsFinite(x) ? (Math.Round(x, 2) is var c && c == 0 ? 0 : c).ToString("0.##", Inv) : "";

    /// <summary>
    /// A text cell. One starting with = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet, so
    /// it gets a leading apostrophe (OWASP's advice); then quoted if it holds a separator, quote or line break.
    /// </summary>
    public static string Field(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    private static string E(string? s) => Page.E(s);

    private const string Extra = """
        td ul { margin:0; padding-left:1rem; } .gap li { margin:.2rem 0; } figure { max-width:560px; }
        """;

    public static string Html(DebriefView d)
    {
        var sb = new StringBuilder();
        sb.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Debrief: {E(d.ScenarioName)}</title>")
            .Append("<style>").Append(Page.Style).Append(Extra).Append("</style></head><body>")
            .Append($"<h1>Debrief: {E(d.ScenarioName)}</h1><p class=\"muted\">{d.RoundsPlayed.Count} simulated rounds of a {d.Rounds}-round game"
                + (d.RoundsPlayed.Count > d.Rounds ? " (the last is the world after the final round's moves)" : "") + ". ")
            .Append("Each team next to the computer playing its seat in a re-run of the same game from the journal.</p>");
        foreach (var t in d.Teams) Team(sb, t);
        sb.Append("<h2>The world</h2><div class=\"grid\">");
        sb.Append("<figure>").Append(d.Charts.Membership).Append("<figcaption>Bloc membership, month by month.</figcaption></figure>");
        foreach (var p in d.Charts.Prices)
            sb.Append("<figure>").Append(p).Append("<figcaption class=\"key\"><span><i class=\"k1\"></i>paid in the bloc</span><span><i class=\"k2\"></i>outside</span>")
                .Append("<span><i class=\"k3\"></i>in China</span><span><i class=\"k4\"></i>price floor (dashed)</span></figcaption></figure>");
        sb.Append("</div><h2>Round by round</h2>");
        foreach (var r in d.RoundsPlayed)
        {
            sb.Append($"<h3>Round {r.Round} ({E(r.Month)})</h3><p>Bloc: {E(string.Join(", ", r.Members))}</p><ul>");
            foreach (var i in r.Injected) sb.Append($"<li>Injected shock: {E(i)}</li>");
            foreach (var m in r.Moves) sb.Append($"<li>Move: {E(m)}</li>");
            foreach (var x in r.Deals) sb.Append($"<li>Deal {E(x.Id)} {E(x.Status)}: {E(x.Buyer)} buys {E(x.Mineral)} {E(x.Stage)} from {E(x.Seller)} ({E(x.Note)})</li>");
            foreach (var e in r.Events) sb.Append($"<li>{E(e.Kind)} {E(e.Country)}: {E(e.Reason)}</li>");
            sb.Append("</ul>");
        }
        return sb.Append("</body></html>").ToString();
    }

    private static void Team(StringBuilder sb, DebriefTeam t)
    {
        var total = t.Rounds.Count > 0 ? t.Rounds[^1].Cumulative : 0;
        sb.Append($"<h2>{E(t.TeamName)} ({E(t.Country)})</h2>")
            .Append(Inv, $"<p>Deals signed: {t.Deals.Count}; concessions: {t.Concessions}; welfare against the computer in its seat, summed over the game: ")
            .Append($"<b class=\"{(total >= 0 ? "up" : "down")}\">{E(Page.Num(total))} $</b></p>")
            .Append("<figure>").Append(t.Chart).Append("<figcaption class=\"key\"><span><i class=\"k1\"></i>the team</span><span><i class=\"k2\"></i>the computer in its seat (dashed)</span></figcaption></figure>");
        if (t.Gap.Count > 0)
        {
            sb.Append("<h3>The story of the gap</h3><ul class=\"gap\">");
            foreach (var g in t.Gap) sb.Append($"<li>{E(DebriefSeat.Describe(g))}</li>");
            sb.Append("</ul>");
        }
        sb.Append("<table><tr><th>Round</th><th>The team did</th><th>The computer would have done, and why</th><th class=\"n\">Welfare</th><th class=\"n\">Computer</th><th class=\"n\">Difference</th><th class=\"n\">Cumulative</th></tr>");
        foreach (var r in t.Rounds)
        {
            sb.Append($"<tr><td>{r.Round} ({E(r.Month)})</td><td>").Append(r.TeamPlayed ? "" : "<i>the computer played the seat: </i>").Append(Side(r.Team, false)).Append("</td><td>").Append(Side(r.Computer, true)).Append("</td>")
                .Append(Inv, $"<td class=\"n\">{E(Page.Num(r.Team.Welfare))}</td><td class=\"n\">{E(Page.Num(r.Computer.Welfare))}</td>")
                .Append(Inv, $"<td class=\"n {(r.Difference >= 0 ? "up" : "down")}\">{E(Page.Num(r.Difference))}</td><td class=\"n\">{E(Page.Num(r.Cumulative))}</td></tr>");
        }
        sb.Append("</table>");
    }

    /// <summary>One side of a row: bloc move and membership, threat answer, deals, offers, and (for the computer) its reasons.</summary>
    private static string Side(SeatPlay p, bool reasons)
    {
        var sb = new StringBuilder($"{E(p.Bloc)} ({(p.Member ? "a member" : "outside the bloc")})");
        if (p.Threat is { } threat) sb.Append($"; {E(threat)} to the threat");
        sb.Append("<ul>");
        foreach (var x in p.Deals) sb.Append($"<li>deal {E(x)}</li>");
        foreach (var x in p.Offers) sb.Append($"<li>offer {E(x)}</li>");
        if (reasons) foreach (var x in p.Reasons) sb.Append($"<li class=\"muted\">{E(x)}</li>");
        return sb.Append("</ul>").ToString();
    }
}
