using System.CommandLine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using NegotiationSim.Server;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>
/// `negsim wargame scenario.yaml [--journal FILE] [--urls URL] [--public-url URL]`: hosts a classroom war-game and prints
/// the instructor's address and key, and the addresses teams can reach. Started again on the same journal, it resumes the game where it stood (with a new key).
/// </summary>
public static class WargameCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("scenario") { Description = "the scenario the class plays (YAML)" };
        var journal = new Option<FileInfo?>("--journal") { Description = "the game's journal (default: <scenario>.wargame.jsonl here); an existing one is resumed" };
        var urls = new Option<string>("--urls") { Description = "address to listen on (port 0: any free port)", DefaultValueFactory = _ => ServerOptions.DefaultUrls };
        var publicUrl = new Option<string?>("--public-url") { Description = "the address teams open, e.g. http://10.0.0.5:5393 (team links are built from it; default: the machine's first LAN address when --urls listens on 0.0.0.0 or [::])" };
        var seconds = new Option<int?>("--round-seconds") { Description = "time teams have each round (default: the scenario's wargame: section, else 600)", CustomParser = OptionValues.Whole<int> };
        var rounds = new Option<int?>("--rounds") { Description = "rounds the class plays (default: the scenario's wargame: section, else its rounds less one)", CustomParser = OptionValues.Whole<int> };
        var timeout = new Option<string?>("--on-timeout") { Description = "a team that has not moved when the timer runs out: computer (its strategy plays) or no_move (default: the scenario's)" };
        var command = new Command("wargame", "host a classroom war-game: the instructor's page, team pages, the debrief") { file, journal, urls, publicUrl, seconds, rounds, timeout };
        command.SetAction(async (ParseResult pr, CancellationToken ct) => await RunAsync(console, pr.GetValue(file)!, pr.GetValue(journal),
            pr.GetValue(urls)!, pr.GetValue(publicUrl), pr.GetValue(seconds), pr.GetValue(rounds), pr.GetValue(timeout), ct));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, FileInfo file, FileInfo? journal, string urls, string? publicUrl, int? seconds, int? rounds,
        string? timeout, CancellationToken ct)
    {
        if (!file.Exists) { console.MarkupLineInterpolated($"[red]{file.FullName}: no such file[/]"); return 1; }
        if (seconds is < 10 or > 86400) { console.MarkupLine("[red]--round-seconds: 10 to 86400[/]"); return 2; }
        if (publicUrl is not null && LanAddresses.Check(publicUrl) is { } badUrl) { console.MarkupLineInterpolated($"[red]{badUrl}[/]"); return 2; }
        if (timeout is not (null or "computer" or "no_move")) { console.MarkupLine("[red]--on-timeout: computer or no_move[/]"); return 2; }
        if (!ScenarioLoader.TryLoad(file.FullName, out var scenario, out var errors))
        {
            foreach (var e in errors) console.MarkupLineInterpolated($"[red]{e}[/]");
            console.MarkupLineInterpolated($"[red]{Plural.Of(errors.Count, "error")}; no game was started.[/]");
            return 1;
        }
        var classroom = scenario!.Classroom ?? new ClassroomSettings();
        var fill = (timeout ?? (classroom.ComputerFillsIn ? "computer" : "no_move")) == "computer" ? TimeoutFill.Computer : TimeoutFill.NoMove;
        var played = rounds ?? classroom.Rounds ?? scenario.Rounds - 1;
        if (played < 1 || played > 1200) { console.MarkupLine("[red]--rounds: 1 to 1200[/]"); return 2; }
        var path = journal?.FullName ?? Path.GetFullPath(Path.GetFileNameWithoutExtension(file.Name) + ".wargame.jsonl");
        var rules = new GameRules(seconds ?? classroom.RoundSeconds, fill, played);
        var yaml = await File.ReadAllTextAsync(file.FullName, ct);
        // Checked before the silo starts: refused then, the instructor sees the one line saying where, not the silo's shutdown log.
        long torn;
        try { torn = Journal.Check(path); }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Profile.Out.Writer.WriteLine(e is InvalidDataException ? e.Message : $"{path}: {e.Message}");
            return 1;
        }
        // Dropping it is right (it was never acknowledged), but the instructor should know the file was shortened.
        if (torn > 0)
            console.Profile.Out.Writer.WriteLine($"{path}: its last entry was cut short ({torn} bytes: the server stopped while writing it, before it took effect); it is dropped and the game resumes from the entry before");
        (WargameSession Session, string Key, bool Resumed)? opened = null;
        // The game opens on the host's silo as it starts: a resumed game replays its rounds on fresh grains.
        await using var app = WargameHost.Build(urls, TimeProvider.System, async grains =>
            (opened = await WargameSession.OpenAsync(scenario!, yaml, path, rules, TimeProvider.System, grains)).Value.Session, publicUrl);
        try { await app.StartAsync(ct); }
        catch (InvalidDataException e)
        {
            console.Profile.Out.Writer.WriteLine(e.Message); // `file:line: reason` on one line, never wrapped at the console's width
            return 1;
        }
        var (session, key, resumed) = opened!.Value;
        using (session)
        {
            var bound = ServerHost.Address(app).TrimEnd('/');
            var local = LanAddresses.Local(bound);
            var lan = LanAddresses.IsWildcard(bound) ? LanAddresses.Of(bound) : [];
            var teamsAt = app.Services.GetRequiredService<PublicAddress>();
            teamsAt.Url ??= lan.FirstOrDefault();
            var game = session.Game;
            console.MarkupLineInterpolated($"[bold]War-game:[/] {scenario!.Name} ({(resumed ? $"resumed at round {game.Round}, {game.Phase.ToString().ToLowerInvariant()}" : "new game")}); journal {path}");
            // Addresses go on lines of their own, never wrapped: a terminal's line break inside one breaks the copied link.
            console.MarkupLine("[bold]Instructor[/] (open on this machine):");
            Raw(console, $"{local}/wargame/instructor.html#key={key}");
            console.MarkupLineInterpolated($"[bold]Instructor key:[/] {key}");
            console.MarkupLine("Ctrl+C stops; start again with the same --journal to resume (a new key is printed).");
            if (teamsAt.Url is { } reach)
            {
                console.MarkupLine("[bold]Teams[/] join at (the instructor page's team links use it):");
                Raw(console, reach);
            }
            var others = lan.Where(a => a != teamsAt.Url).ToArray();
            if (others.Length > 0)
            {
                console.MarkupLine("Other addresses of this machine (for teams: pass one as --public-url):");
                foreach (var a in others) Raw(console, a);
            }
            if (LanAddresses.IsWildcard(bound) && lan.Count == 0 && publicUrl is null)
                console.MarkupLine("[yellow]No LAN address found: pass --public-url with the address teams can reach.[/]");
            console.MarkupLine("[bold]Grains[/] (Orleans Dashboard: the game's grains; instructor only):");
            Raw(console, $"{local}/dashboard/?key={key}");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
        }
        return 0;
    }

    /// <summary>Writes a line as is, past the console's wrapping (a URL must stay one unbroken line to be copied).</summary>
    private static void Raw(IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);
}
