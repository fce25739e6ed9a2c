using System.Globalization;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>What the console shows: a line per round and the end-of-run summary tables.</summary>
public static class Screens
{
    private static string F(double x, string format = "N0") =>
        double.IsNaN(x) ? "–" : x.ToString(format, CultureInfo.InvariantCulture);

    public static string RoundLine(RoundReport r)
    {
        var notable = r.Events.Where(e => e.Kind is not ("invest" or "capacity" or "recovery")).Select(e => $"{e.Kind} {e.Country}".Trim()).Distinct().Take(4);
        return Markup.Escape($"round {r.Round,3} {r.Month}  members {r.Members.Count,2}  events {r.Events.Count,3}  {string.Join(", ", notable)}");
    }

    /// <summary>The round's deal news (signed, voided, expired) and how its finished sessions ended; null when there is none.</summary>
    public static Table? DealsTable(RoundReport r)
    {
        var news = r.Deals.Where(d => d.Status != "in-force").ToArray();
        if (news.Length == 0 && r.Sessions.Count == 0) return null;
        var agreed = r.Sessions.Count(s => s.Status == "agreed");
        var table = new Table().Title(Markup.Escape($"Deals, round {r.Round} ({r.Month}): {Plural.Of(r.Sessions.Count, "session")} ended, {agreed} agreed"))
            .AddColumns("deal", "status", "buyer←seller", "market", "t/month", "$/t", "rounds", "cuts b/s", "why");
        foreach (var d in news)
            table.AddRow(d.Id, d.Status, $"{d.Buyer}←{d.Seller}", $"{d.Mineral} {d.Stage}", F(d.Volume, "G3"), F(d.ContractPrice),
                $"{d.Start}–{d.End}", $"{F(d.BuyerCut, "P0")}/{F(d.SellerCut, "P0")}", d.Status == "signed" ? "" : Markup.Escape(d.Note));
        // Sessions that ended without a deal: the ZOPA and strategies explain most failures; an error is shown as is.
        foreach (var s in r.Sessions.Where(s => s.Status != "agreed"))
            table.AddRow(s.Id, s.Status, $"{s.Buyer}←{s.Seller}", $"{s.Mineral} {s.Stage}", "", "", "", "",
                Markup.Escape($"ZOPA {s.ZopaSize}; {s.BuyerStrategy}/{s.SellerStrategy}" + (s.Status == "walked-away" ? $"; {s.Note}" : "")));
        return table;
    }

    public static void Summary(IAnsiConsole console, Scenario scenario, RunDigest reports)
    {
        var first = reports.First;
        var last = reports.Last!;
        var members = new Table().Title("Bloc members over time").AddColumns("round", "month", "members", "joined / left");
        string[] previous = [];
        foreach (var r in reports.Membership)
        {
            var current = r.Members.ToArray();
            var change = current.Except(previous).Select(c => "+" + c).Concat(previous.Except(current).Select(c => "−" + c));
            if (r.Round == 1 || change.Any() || r.Round == last.Round)
                members.AddRow(r.Round.ToString(CultureInfo.InvariantCulture), r.Month, current.Length.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(" ", change)));
            previous = current;
        }
        console.Write(members);
        console.MarkupLine(Markup.Escape(StabilityLine(last.Stability, last.Month)));

        var prices = new Table().Title($"Delivered prices, $/t, {last.Month} (first round in brackets)")
            .AddColumns("mineral", "stage", "in bloc", "outside", "China", "floor");
        foreach (var (p, p0) in last.Prices.Zip(first.Prices).Where(x => x.First.Stage != "product"))
            prices.AddRow(p.Mineral, p.Stage, $"{F(p.Member)} ({F(p0.Member)})", $"{F(p.Outsider)} ({F(p0.Outsider)})", $"{F(p.China)} ({F(p0.China)})", F(p.Floor));
        console.Write(prices);

        var security = new Table().Title("Supply security, refined stage").AddColumns("mineral", "US import reliance", "China share of output");
        foreach (var (a, b) in first.Security.Zip(last.Security))
            security.AddRow(a.Mineral, $"{F(a.UsImportReliance, "P0")} → {F(b.UsImportReliance, "P0")}", $"{F(a.ChinaShare, "P0")} → {F(b.ChinaShare, "P0")}");
        console.Write(security);

        var welfare = new Table().Title($"Welfare change vs base year, {last.Month}, $ million/month (largest movers)").AddColumns("country", "change");
        var byCountry = last.Rows.Where(r => r.Stage == "ore").GroupBy(r => r.Country)
            .Select(g => (g.Key, Change: g.Sum(r => r.ConsumerSurplus + r.ProducerSurplus + r.TariffRevenue + r.ExportRent + r.Subsidy + r.ContractTransfer)))
            .OrderByDescending(x => Math.Abs(x.Change)).Take(12);
        foreach (var (country, change) in byCountry) welfare.AddRow(country, F(change / 1e6, "N1"));
        console.Write(welfare);

        var shocks = new Table().Title("Shocks, threats and moves").AddColumns("round", "what", "who", "why");
        foreach (var e in reports.Moves)
            shocks.AddRow(e.Round.ToString(CultureInfo.InvariantCulture), e.Kind, Markup.Escape($"{e.Country} {e.Mineral}".Trim()), Markup.Escape(e.Reason));
        // A cut table must say so, or the reader takes the first rounds' moves for the whole run.
        if (reports.MovesLeftOut > 0) shocks.Caption($"… and {reports.MovesLeftOut.ToString(CultureInfo.InvariantCulture)} more in events.csv");
        console.Write(shocks);
    }

    /// <summary>
    /// The §4.3 verdict with what it rests on. Ties count as "would join" in the theory, so a verdict of "externally
    /// unstable" alone read as if dozens were about to join while nobody did: the line says who gains, by how much at
    /// most, who has nothing at stake, and that a country moves only once its gain clears its hysteresis band.
    /// </summary>
    public static string StabilityLine(StabilityReport st, string month)
    {
        static string Side(IReadOnlyList<StabilityMargin> margins, string verb)
        {
            var gain = margins.Where(m => m.Margin != 0).OrderByDescending(m => Math.Abs(m.Margin)).ToArray();
            var idle = margins.Count - gain.Length;
            var parts = new List<string>();
            if (gain.Length > 0)
                parts.Add($"{Plural.Of(gain.Length, "country", "countries")} would gain by {verb} (most: {gain[0].Country}, "
                    + $"{(Math.Abs(gain[0].Margin) / 1e6).ToString("#,0.0", CultureInfo.InvariantCulture)} $ million/month)");
            if (idle > 0) parts.Add($"{Plural.Of(idle, "country", "countries")} with nothing at stake either way");
            return string.Join("; ", parts);
        }
        var inside = st.InternallyStable ? "internally stable" : $"internally unstable: {Side(st.WouldLeave, "leaving")}";
        var outside = st.ExternallyStable ? "externally stable" : $"externally unstable: {Side(st.WouldJoin, "joining")}";
        var note = st.InternallyStable && st.ExternallyStable ? "" : ". A country moves only when its gain clears its hysteresis band (stability.csv has every margin)";
        return $"Bloc stability in {month}: {inside}; {outside}{note}";
    }
}
