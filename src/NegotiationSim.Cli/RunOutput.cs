using System.Globalization;
using System.Text;
using System.Text.Json;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>
/// What `negsim run` prints, by --format, --quiet and --verbose. With json or csv, standard output carries only the data
/// (so it pipes into jq or a spreadsheet) and everything for people — errors, detail, the final line — goes to the
/// diagnostics console (standard error). Errors go there in every format.
/// </summary>
public sealed class RunOutput(IAnsiConsole console, IAnsiConsole diagnostics, OutputFormat format, bool quiet, bool verbose)
{
    private bool ForPeople => format == OutputFormat.Table;
    /// <summary>Where lines for people go: the console for tables, standard error when standard output is data.</summary>
    private IAnsiConsole People => ForPeople ? console : diagnostics;

    public bool ShowsProgress => ForPeople && !quiet;

    /// <summary>
    /// A scenario's errors, on standard error in every format: standard output is for the run's results. One unwrapped
    /// line each, as validate prints them, so editors and grep read file:line:col however narrow the terminal.
    /// </summary>
    public void Errors(IReadOnlyList<ScenarioError> errors)
    {
        foreach (var e in errors) diagnostics.Profile.Out.Writer.WriteLine(e.ToString());
        diagnostics.MarkupLineInterpolated($"[red]{Plural.Of(errors.Count, "error")}; nothing was run.[/]");
    }

    /// <summary>An error, on standard error in every format.</summary>
    public void Error(string message) => diagnostics.MarkupLineInterpolated($"[red]{message}[/]");

    /// <summary>A line for people, kept off standard output when it carries json or csv; dropped by --quiet.</summary>
    public void Note(string message)
    {
        if (!quiet) People.MarkupLineInterpolated($"{message}");
    }

    public void Header(Scenario scenario, EngineKind engine)
    {
        if (quiet) return;
        People.MarkupLineInterpolated($"[bold]{scenario.Name}[/] — {scenario.Question}");
        People.MarkupLineInterpolated($"{Plural.Of(scenario.World.CountryCount, "country", "countries")} × {Plural.Of(scenario.World.Minerals.Count, "mineral")} × 3 stages, {Plural.Of(scenario.Rounds, "round")} from {scenario.StartMonth}, seed {scenario.Seed}, engine {engine}");
    }

    public void Round(RoundReport r)
    {
        if (quiet || !ForPeople && !verbose) return;
        People.MarkupLine(Screens.RoundLine(r));
        if (Screens.DealsTable(r) is { } deals) People.Write(deals);
        if (!verbose) return;
        foreach (var e in r.Events)
            People.MarkupLine(Markup.Escape($"    {e.Kind} {e.Country} {e.Mineral} {e.Stage}".TrimEnd() + $": {e.Reason}"));
        foreach (var (side, margins) in new[] { ("would leave", r.Stability.WouldLeave), ("would join", r.Stability.WouldJoin) })
            foreach (var m in margins)
                People.MarkupLine(Markup.Escape($"    {side} {m.Country} (margin {m.Margin.ToString("N0", CultureInfo.InvariantCulture)} $/month): {m.Reasons}"));
    }

    public void Finish(Scenario scenario, RunDigest reports, string dir, TimeSpan elapsed)
    {
        switch (format)
        {
            case OutputFormat.Table when !quiet:
                Screens.Summary(console, scenario, reports);
                console.MarkupLineInterpolated($"Charts of this run in one page: negsim report {(dir.Contains(' ') ? $"\"{dir}\"" : dir)}");
                break;
            case OutputFormat.Json:
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(RunSummary.Build(scenario, reports), SummaryJson.Default.RunSummary));
                break;
            case OutputFormat.Csv: console.Profile.Out.Writer.Write(SummaryCsv(reports)); break;
        }
        console.Profile.Out.Writer.Flush();
        People.MarkupLineInterpolated($"[green]{Plural.Of(reports.Count, "round")} in {elapsed.TotalSeconds:F1} s; files in {dir}[/]");
    }

    /// <summary>The summary as one value a line (first and last round): prices, floors, members, security, welfare.</summary>
    public static string SummaryCsv(RunDigest reports)
    {
        static string N(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
        var (first, last) = (reports.First, reports.Last!);
        var csv = new StringBuilder("measure,mineral,stage,country,first,last\n");
        csv.Append($"bloc_members,,,,{first.Members.Count},{last.Members.Count}\n");
        foreach (var (a, b) in first.Prices.Zip(last.Prices))
        {
            csv.Append($"member_price,{a.Mineral},{a.Stage},,{N(a.Member)},{N(b.Member)}\n");
            csv.Append($"outsider_price,{a.Mineral},{a.Stage},,{N(a.Outsider)},{N(b.Outsider)}\n");
            csv.Append($"china_price,{a.Mineral},{a.Stage},,{N(a.China)},{N(b.China)}\n");
            csv.Append($"floor,{a.Mineral},{a.Stage},,{N(a.Floor)},{N(b.Floor)}\n");
        }
        foreach (var (a, b) in first.Security.Zip(last.Security))
        {
            csv.Append($"us_import_reliance,{a.Mineral},refined,,{N(a.UsImportReliance)},{N(b.UsImportReliance)}\n");
            csv.Append($"china_share,{a.Mineral},refined,,{N(a.ChinaShare)},{N(b.ChinaShare)}\n");
        }
        static Dictionary<string, double> Welfare(RoundReport r) => r.Rows.Where(x => x.Stage == "ore").GroupBy(x => x.Country)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.ConsumerSurplus + x.ProducerSurplus + x.TariffRevenue + x.ExportRent + x.Subsidy));
        var (w0, w1) = (Welfare(first), Welfare(last));
        foreach (var (country, change) in w1) csv.Append($"welfare_change,,,{country},{N(w0.GetValueOrDefault(country, double.NaN))},{N(change)}\n");
        return csv.ToString();
    }
}
