using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>A big class: 40 teams move at the same moment while 100 viewers watch; no move is lost.</summary>
public sealed class WargameLoadTests
{
    [Fact]
    public async Task FortyTeamsMovingAtOnce_WithAHundredViewers_LoseNoMove()
    {
        var forge = Path.Combine(WargameServer.Repo(), "scenarios", "forge-ministerial-2026.yaml");
        await using var host = await WargameServer.StartAsync(forge, new GameRules(600, TimeoutFill.Computer, 3));
        var countries = host.Session.World.Countries.Select(c => c.Id).Take(40).ToArray();
        var codes = new string[countries.Length];
        for (var k = 0; k < countries.Length; k++) codes[k] = await host.AddTeamAsync($"Team {k + 1}", countries[k]);

        var viewers = new List<HubConnection>();
        var lastRound = new ConcurrentDictionary<int, int>();
        for (var v = 0; v < 100; v++)
        {
            var id = v;
            var hub = new HubConnectionBuilder().WithUrl(host.Url + "/wargame/hub").Build();
            hub.HandshakeTimeout = TimeSpan.FromSeconds(60); // 100 handshakes at once on a loaded 2-core machine
            hub.On<ClockView>("changed", c => lastRound.AddOrUpdate(id, c.Round, (_, r) => Math.Max(r, c.Round)));
            viewers.Add(hub);
        }
        foreach (var batch in viewers.Chunk(20)) await Task.WhenAll(batch.Select(h => h.StartAsync()));
        try
        {
            Assert.True((await host.Instructor("POST start")).IsSuccessStatusCode);
            // Each team makes a move open to its country (founders cannot leave, members cannot join), varied across the class.
            var bloc = countries.Select((c, k) => BlocMoves.For(host.Session, c, threatened: false).Bloc).Select((open, k) => open[k % open.Count]).ToArray();
            var answers = await Task.WhenAll(codes.Select((code, k) => host.Team(code, "POST move", new { round = 1, bloc = bloc[k] })));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

            // Every move was journaled and counted: the round closed because all 40 had moved, with all 40 moves in it.
            var closed = Assert.Single(host.Session.Game.History);
            Assert.Equal(CloseReason.AllMoved, closed.Reason);
            Assert.Equal(countries.Order(StringComparer.Ordinal), closed.Moves.Keys.Order(StringComparer.Ordinal));
            for (var k = 0; k < countries.Length; k++) Assert.Equal(Enum.Parse<BlocChoice>(bloc[k], ignoreCase: true), closed.Moves[countries[k]].Bloc);
            var lines = ReadShared(host.Session.JournalPath);
            Assert.Equal(40, lines.Count(l => l.Contains("\"kind\":\"move\"", StringComparison.Ordinal)));

            // Every viewer heard that round 2 began.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (lastRound.Count(r => r.Value >= 2) < viewers.Count && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.Equal(viewers.Count, lastRound.Count(r => r.Value >= 2));
        }
        finally
        {
            await Task.WhenAll(viewers.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private static string[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
