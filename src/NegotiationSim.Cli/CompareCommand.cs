using System.CommandLine;
using NegotiationSim.Cli.Reports;
using NegotiationSim.Core.Reports;
using NegotiationSim.Server.Reports;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>`negsim compare &lt;out-a&gt; &lt;out-b&gt;`: what differs between two runs, as console tables and optionally one HTML page.</summary>
public static class CompareCommand
{
    private const int ConsoleRows = 15;

    public static Command Create(IAnsiConsole console)
    {
        var a = new Argument<DirectoryInfo>("out-a") { Description = "the first run's folder (the base case)" };
        var b = new Argument<DirectoryInfo>("out-b") { Description = "the second run's folder (the changed case)" };
        var html = new Option<FileInfo?>("--html", "-o") { HelpName = "file", Description = "also write the comparison as one self-contained HTML page" };
        var command = new Command("compare", "what differs between two runs: prices, bloc membership, welfare, supply security, events") { a, b, html };
        command.SetAction(pr => Compare(console, pr.GetValue(a)!, pr.GetValue(b)!, pr.GetValue(html)));
        return command;
    }

    private static int Compare(IAnsiConsole console, DirectoryInfo a, DirectoryInfo b, FileInfo? html)
    {
        RunComparison diff;
        try { diff = RunComparison.Of(RunFolder.Load(a.FullName), RunFolder.Load(b.FullName)); }
        catch (RunFolderException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
        Print(console, diff);
        if (html is null) return 0;
        try { File.WriteAllText(html.FullName, ComparePage.Build(diff)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]{html.FullName}: cannot write the comparison ({e.Message})[/]");
            return 1;
        }
        console.MarkupLineInterpolated($"[green]comparison written to {html.FullName}[/]");
        return 0;
    }

    private static void Print(IAnsiConsole console, RunComparison d)
    {
        foreach (var (tag, run) in new[] { ("A", d.A), ("B", d.B) })
            console.MarkupLineInterpolated($"[bold]{tag}[/]: {run.Summary.Scenario}, seed {run.Summary.Seed}, {Plural.Of(run.Rounds, "round")} to {run.Summary.LastMonth} ({Path.GetFileName(run.Dir)})");
        if (d.Setup.Count > 0)
        {
            var setup = new Table().Title("Setup").AddColumns("", "A", "B");
            foreach (var s in d.Setup) setup.AddRow(Markup.Escape(s.What), Markup.Escape(s.A), Markup.Escape(s.B));
            console.Write(setup);
        }
        if (d.A.Rounds != d.B.Rounds)
            console.MarkupLine("The runs differ in length: prices, welfare and security are compared at each run's last month.");
        if (d.Identical)
        {
            console.MarkupLine("[green]No differences in prices, bloc membership, welfare, supply security or events.[/]");
            return;
        }
        if (d.Prices.Count > 0)
        {
            var t = new Table().Title($"Prices, $/t, last month (A → B); {d.Prices.Count} market(s) differ").AddColumns("mineral", "stage", "in bloc", "outside", "China", "floor");
            foreach (var p in d.Prices.Take(ConsoleRows))
                t.AddRow(Markup.Escape(p.Mineral), Markup.Escape(p.Stage), Move(p.MemberA, p.MemberB), Move(p.OutsiderA, p.OutsiderB), Move(p.ChinaA, p.ChinaB), Move(p.FloorA, p.FloorB));
            console.Write(t);
        }
        else console.MarkupLine("Prices: the same in the last month.");
        if (d.Membership.Count > 0)
        {
            var t = new Table().Title("Bloc membership that differs").AddColumns("country", "months as member (A → B)", "member at the end", "first month that differs");
            foreach (var m in d.Membership)
                t.AddRow(Markup.Escape(m.Country), $"{m.MonthsA} → {m.MonthsB}", $"{YesNo(m.EndA)} → {YesNo(m.EndB)}", Markup.Escape(m.FirstDifference));
            console.Write(t);
        }
        else console.MarkupLine("Bloc membership: the same in every month.");
        if (d.Welfare.Count > 0)
        {
            var t = new Table().Title("Welfare change vs base year, last month, $ million/month (largest differences)").AddColumns("country", "A", "B", "B − A");
            foreach (var w in d.Welfare.Take(ConsoleRows))
                t.AddRow(Markup.Escape(w.Country), Html.Num(w.A / 1e6, "N2"), Html.Num(w.B / 1e6, "N2"), Html.Num((w.B - w.A) / 1e6, "+#,0.00;−#,0.00;0.00"));
            console.Write(t);
        }
        if (d.Security.Count > 0)
        {
            var t = new Table().Title("Supply security, refined stage, last month").AddColumns("mineral", "US import reliance (A → B)", "China's share of output (A → B)");
            foreach (var s in d.Security)
                t.AddRow(Markup.Escape(s.Mineral), $"{Html.Pct(s.UsRelianceA)} → {Html.Pct(s.UsRelianceB)}", $"{Html.Pct(s.ChinaShareA)} → {Html.Pct(s.ChinaShareB)}");
            console.Write(t);
        }
        if (d.Events.Count > 0)
        {
            var t = new Table().Title($"Events in one run only ({d.Events.Count})").AddColumns("run", "month", "what", "who", "why");
            foreach (var e in d.Events.Take(2 * ConsoleRows))
                t.AddRow(e.Run, Markup.Escape(e.Month), Markup.Escape(e.Event.Kind), Markup.Escape($"{e.Event.Country} {e.Event.Mineral} {e.Event.Stage}".Trim()), Markup.Escape(e.Event.Reason));
            console.Write(t);
        }
        var hidden = Math.Max(0, d.Prices.Count - ConsoleRows) + Math.Max(0, d.Welfare.Count - ConsoleRows) + Math.Max(0, d.Events.Count - 2 * ConsoleRows);
        if (hidden > 0) console.MarkupLineInterpolated($"{hidden} more row(s) in the HTML page (--html FILE).");
    }

    private static string Move(double a, double b) =>
        RunComparison.Same(a, b) ? Html.Num(a) : $"{Html.Num(a)} → {Html.Num(b)} ({Html.Change(a, b)})";

    private static string YesNo(bool x) => x ? "yes" : "no";
}
