using System.CommandLine;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>`negsim run`: load, validate, run on the chosen engine with live progress, write the result files, summarise.</summary>
public static class RunCommand
{
    /// <param name="diagnostics">where errors and notes go when standard output carries json or csv (default: the console).</param>
    public static Command Create(IAnsiConsole console, IAnsiConsole? diagnostics = null)
    {
        var file = new Argument<FileInfo>("scenario") { Description = "scenario file (YAML)" };
        var seed = new Option<long?>("--seed") { Description = "override the scenario's seed", CustomParser = OptionValues.Whole<long> };
        var rounds = new Option<int?>("--rounds", "-r") { Description = "override the number of monthly rounds", CustomParser = OptionValues.Whole<int> };
        var output = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "output folder (default: the scenario's outputs: { folder: … }, relative to the scenario file, else a new folder under ./runs)",
        };
        var engine = new Option<EngineKind>("--engine")
        {
            Description = "grains (Orleans silo in-process) or reference (plain core)",
            DefaultValueFactory = _ => EngineKind.Grains,
            CustomParser = OptionValues.OneOf<EngineKind>,
            HelpName = OptionValues.Names<EngineKind>("|"),
        };
        var dashboard = new Option<bool>("--dashboard") { Description = "also serve the live page and the Orleans Dashboard while it runs (grains engine)" };
        var urls = new Option<string>("--urls") { Description = "with --dashboard: address to listen on", DefaultValueFactory = _ => NegotiationSim.Server.ServerOptions.DefaultUrls };
        var shown = new RunOutputOptions();
        var command = new Command("run", "run a scenario and write its reports") { file, seed, rounds, output, engine, shown.Format, shown.Quiet, shown.Verbose, dashboard, urls };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
            shown.From(pr, console, diagnostics ?? console) is { } show
                ? await RunAsync(console, show, pr.GetValue(file)!, pr.GetValue(seed), pr.GetValue(rounds), pr.GetValue(output), pr.GetValue(engine), ct,
                    pr.GetValue(dashboard) ? pr.GetValue(urls) : null)
                : 2);
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, RunOutput show, FileInfo file, long? seed, int? rounds, DirectoryInfo? output,
        EngineKind engine, CancellationToken ct, string? dashboardUrls = null)
    {
        // Refused before anything runs: the run would fail at its first file with the system's words ("The file … already exists").
        if (output is not null && File.Exists(output.FullName))
        {
            show.Error($"--out: '{output.FullName}' is a file; name a folder (a new one is created)");
            return 2;
        }
        if (!ScenarioLoader.TryLoad(file.FullName, out var scenario, out var errors))
        {
            show.Errors(errors);
            return 1;
        }
        if (rounds is < 1 or > 1200) { show.Error("--rounds must be between 1 and 1200"); return 2; }
        scenario = scenario! with { Seed = seed ?? scenario.Seed, Rounds = rounds ?? scenario.Rounds };
        var dir = output?.FullName ?? scenario.Outputs.Folder ?? Path.Combine("runs", $"{Path.GetFileNameWithoutExtension(file.Name)}-seed{scenario.Seed}-{DateTime.Now:yyyyMMdd-HHmmss}");
        if (File.Exists(dir))
        {
            show.Error($"outputs.folder: '{Path.GetFullPath(dir)}' is a file; name a folder there or give --out");
            return 1;
        }
        show.Header(scenario, engine);
        if (dashboardUrls is not null)
        {
            if (engine != EngineKind.Grains) { show.Error("--dashboard shows the grains engine; drop --engine reference"); return 2; }
            return await DashboardRun.RunAsync(console, scenario, file, dir, dashboardUrls, ct);
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        // Each round goes to the files as it finishes; a run that fails leaves no files (disposing discards them).
        using var files = new RunFiles(dir, scenario);
        void OnRound(RoundReport r) { files.Add(r); show.Round(r); }
        if (show.ShowsProgress)
            await console.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("rounds", maxValue: scenario.Rounds);
                await Engines.RunAsync(scenario, engine, r => { OnRound(r); task.Increment(1); }, ct);
            });
        else await Engines.RunAsync(scenario, engine, OnRound, ct);
        var reports = files.Digest;
        if (reports.Count == 0) return 130;
        files.Complete();
        show.Finish(scenario, reports, dir, started.Elapsed);
        if (scenario.Outputs.Report && reports.Count == scenario.Rounds)
        {
            try { show.Note($"report written to {ReportCommand.Write(dir, null)}"); }
            catch (Exception e) when (e is Reports.RunFolderException or IOException or UnauthorizedAccessException) { show.Error(e.Message); return 1; }
        }
        return 0;
    }
}
