using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The debrief is a pure function of the journal: however many re-runs go at once, and after a restart on the same
/// journal, its HTML and CSV are the same bytes.
/// </summary>
public sealed class DebriefDeterminismTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 4);
    private static readonly int[] Modest = [2, 2, 1, 0, 0, 0, 0];

    /// <summary>Japan buys refined gallium from Korea in round 1, Germany's team joins the bloc in round 2.</summary>
    private static async Task PlayAsync(WargameServer host)
    {
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        await host.Instructor("POST start");
        Assert.True((await host.Team(japan, "POST offer", new { round = 1, partner = "KOR", role = "buy", mineral = "gallium", stage = "refined", levels = Modest })).IsSuccessStatusCode);
        Assert.True((await host.Team(korea, "POST answer", new { round = 1, offerId = "O1", accept = true })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        Assert.True((await host.Team(germany, "POST move", new { round = 2, bloc = "Join" })).IsSuccessStatusCode);
        await host.Instructor("POST advance");
        await host.Instructor("POST advance");
    }

    private static async Task<(string Html, string Csv)> ExportsAsync(WargameServer host, DebriefCache cache)
    {
        var d = await cache.GetAsync(host.Session);
        return (DebriefExport.Html(d), DebriefExport.Csv(d));
    }

    [Fact]
    public async Task Debrief_OneReRunAtATimeOrAllAtOnce_AndAfterARestart_IsTheSameBytes()
    {
        var journal = Directory.CreateTempSubdirectory("negsim-debrief-").FullName;
        (string Html, string Csv) first, sequential, again;
        await using (var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules))
        {
            await PlayAsync(host);
            first = await ExportsAsync(host, host.Services.GetRequiredService<DebriefCache>());
            sequential = await ExportsAsync(host, new DebriefCache(parallelism: 1));
            File.Copy(Path.Combine(Path.GetDirectoryName(host.Session.JournalPath)!, "game.jsonl"), Path.Combine(journal, "game.jsonl"));
        }
        await using (var resumed = await WargameServer.StartAsync(WargameServer.Gallium, Rules, journal))
            again = await ExportsAsync(resumed, new DebriefCache(parallelism: 3));

        Assert.Contains("W1: buys gallium refined from KOR", first.Csv); // a game with a deal and a bloc move in it
        Assert.Contains("Adler", first.Html);
        Assert.Equal(4 * 3 + 1, first.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 3 teams × 4 simulated rounds
        Assert.Equal(first.Html, sequential.Html);
        Assert.Equal(first.Csv, sequential.Csv);
        Assert.Equal(first.Html, again.Html);
        Assert.Equal(first.Csv, again.Csv);
    }
}
