using System.CommandLine;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>`negsim run`: load, validate, run on the chosen engine with live progress, write the result files, summarise.</summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("scenario") { Description = "scenario file (YAML)" };
        var seed = new Option<long?>("--seed") { Description = "override the scenario's seed" };
        var rounds = new Option<int?>("--rounds", "-r") { Description = "override the number of monthly rounds" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "output folder (default: a new folder under ./runs)" };
        var engine = new Option<EngineKind>("--engine") { Description = "grains (Orleans silo in-process) or reference (plain core)", DefaultValueFactory = _ => EngineKind.Grains };
        var dashboard = new Option<bool>("--dashboard") { Description = "also serve the live page and the Orleans Dashboard while it runs (grains engine)" };
        var urls = new Option<string>("--urls") { Description = "with --dashboard: address to listen on", DefaultValueFactory = _ => NegotiationSim.Server.ServerOptions.DefaultUrls };
        var command = new Command("run", "run a scenario and write its reports") { file, seed, rounds, output, engine, dashboard, urls };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
            await RunAsync(console, pr.GetValue(file)!, pr.GetValue(seed), pr.GetValue(rounds), pr.GetValue(output), pr.GetValue(engine), ct,
                pr.GetValue(dashboard) ? pr.GetValue(urls) : null));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, FileInfo file, long? seed, int? rounds, DirectoryInfo? output,
        EngineKind engine, CancellationToken ct, string? dashboardUrls = null)
    {
        if (!ScenarioLoader.TryLoad(file.FullName, out var scenario, out var errors))
        {
            foreach (var e in errors) console.MarkupLineInterpolated($"[red]{e.ToString()}[/]");
            console.MarkupLineInterpolated($"[red]{errors.Count} error(s); nothing was run.[/]");
            return 1;
        }
        if (rounds is < 1 or > 1200) { console.MarkupLine("[red]--rounds must be between 1 and 1200[/]"); return 2; }
        scenario = scenario! with { Seed = seed ?? scenario.Seed, Rounds = rounds ?? scenario.Rounds };
        var dir = output?.FullName ?? Path.Combine("runs", $"{Path.GetFileNameWithoutExtension(file.Name)}-seed{scenario.Seed}-{DateTime.Now:yyyyMMdd-HHmmss}");
        console.MarkupLineInterpolated($"[bold]{scenario.Name}[/] — {scenario.Question}");
        console.MarkupLineInterpolated($"{scenario.World.CountryCount} countries × {scenario.World.Minerals.Count} minerals × 3 stages, {scenario.Rounds} rounds from {scenario.StartMonth}, seed {scenario.Seed}, engine {engine}");
        if (dashboardUrls is not null)
            return engine == EngineKind.Grains ? await DashboardRun.RunAsync(console, scenario, file, dir, dashboardUrls, ct)
                : Usage(console, "--dashboard shows the grains engine; drop --engine reference");
        var reports = new List<RoundReport>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await console.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("rounds", maxValue: scenario.Rounds);
            await Engines.RunAsync(scenario, engine, r =>
            {
                reports.Add(r);
                task.Increment(1);
                console.MarkupLine(Screens.RoundLine(r));
                if (Screens.DealsTable(r) is { } deals) console.Write(deals);
            }, ct);
        });
        if (reports.Count == 0) return 130;
        RunFiles.Write(dir, scenario, reports, engine.ToString());
        Screens.Summary(console, scenario, reports);
        console.MarkupLineInterpolated($"[green]{reports.Count} rounds in {started.Elapsed.TotalSeconds:F1} s; files in {dir}[/]");
        return 0;
    }

    private static int Usage(IAnsiConsole console, string message) { console.MarkupLineInterpolated($"[red]{message}[/]"); return 2; }
}
