using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Server;
using NegotiationSim.Server.Live;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>
/// `negsim run ... --dashboard`: the console's run, computed by the live host's grains so the page and the Orleans
/// Dashboard show it as it happens. Writes the same files as a plain run, then keeps serving until Ctrl+C.
/// </summary>
public static class DashboardRun
{
    public static async Task<int> RunAsync(IAnsiConsole console, Scenario scenario, FileInfo file, string dir, string urls, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var app = ServerHost.Build(new ServerOptions(urls, file.DirectoryName, file.FullName));
        var run = app.Services.GetRequiredService<LiveRun>();
        await run.LoadAsync(scenario, file.Name);
        await app.StartAsync(ct);
        ServeCommand.Announce(console, app, started.Elapsed);

        var reports = new List<RoundReport>();
        var ended = new TaskCompletionSource<RunStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        run.RoundCompleted += r =>
        {
            lock (reports) reports.Add(r);
            console.MarkupLine(Screens.RoundLine(r));
        };
        run.Ended += s => ended.TrySetResult(s);
        run.SetSpeed(0);
        await run.StartAsync();
        using (ct.Register(() => ended.TrySetCanceled()))
        {
            try { await ended.Task; }
            catch (OperationCanceledException) { await run.PauseAsync(); }
        }
        if (reports.Count == scenario.Rounds)
        {
            Screens.Summary(console, scenario, RunFiles.Write(dir, scenario, reports));
            console.MarkupLineInterpolated($"[green]{Plural.Of(reports.Count, "round")} in {started.Elapsed.TotalSeconds:F1} s; files in {dir}[/]");
        }
        else console.MarkupLineInterpolated($"[red]{run.Status().Error ?? "run stopped"} after {Plural.Of(reports.Count, "round")}; no files written[/]");
        if (!ct.IsCancellationRequested)
        {
            console.MarkupLine("The page and the Orleans Dashboard stay up to look back at the run; Ctrl+C to stop.");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
        }
        await app.StopAsync(CancellationToken.None);
        return reports.Count == scenario.Rounds ? 0 : ct.IsCancellationRequested ? 130 : 1;
    }
}
