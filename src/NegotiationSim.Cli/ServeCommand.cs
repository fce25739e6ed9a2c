using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Core.Reports;
using NegotiationSim.Server;
using NegotiationSim.Server.Live;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>`negsim serve [scenario.yaml] [--urls URL]`: the live host (domain page at /, Orleans Dashboard at /dashboard) until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo?>("scenario") { Description = "scenario to load, ready to start (YAML); default: none, pick one on the page", Arity = ArgumentArity.ZeroOrOne };
        var urls = new Option<string>("--urls") { Description = "address to listen on (port 0: any free port)", DefaultValueFactory = _ => ServerOptions.DefaultUrls };
        var scenarios = new Option<DirectoryInfo>("--scenarios") { Description = "folder whose *.yaml the page offers", DefaultValueFactory = _ => new DirectoryInfo("scenarios") };
        var command = new Command("serve", "serve the live page and the Orleans Dashboard; runs are started from the page") { file, urls, scenarios };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
            await ServeAsync(console, pr.GetValue(file), pr.GetValue(urls)!, pr.GetValue(scenarios)!, ct));
        return command;
    }

    private static async Task<int> ServeAsync(IAnsiConsole console, FileInfo? file, string urls, DirectoryInfo scenarios, CancellationToken ct)
    {
        if (file is not null && !file.Exists) { console.MarkupLineInterpolated($"[red]{file.FullName}: no such file[/]"); return 1; }
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var app = ServerHost.Build(new ServerOptions(urls, scenarios.Exists ? scenarios.FullName : null, file?.FullName));
        if (file is not null)
        {
            var errors = await app.Services.GetRequiredService<LiveRun>().LoadAsync(file.Name);
            if (errors.Count > 0)
            {
                foreach (var e in errors) console.MarkupLineInterpolated($"[red]{e}[/]");
                console.MarkupLineInterpolated($"[red]{Plural.Of(errors.Count, "error")}; nothing was served.[/]");
                return 1;
            }
        }
        await app.StartAsync(ct);
        Announce(console, app, started.Elapsed);
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    internal static void Announce(IAnsiConsole console, Microsoft.AspNetCore.Builder.WebApplication app, TimeSpan startup)
    {
        var address = ServerHost.Address(app).TrimEnd('/');
        console.MarkupLineInterpolated($"[bold]Live page:[/] {address}/   [bold]Orleans Dashboard:[/] {address}/dashboard/   (started in {startup.TotalSeconds:F1} s; Ctrl+C to stop)");
    }
}
