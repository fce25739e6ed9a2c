using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// A host that was down while a round's timer ran is restarted on its journal: the round is paused with the time that was
/// left when the host went down (its heartbeat says when), not closed, and Resume gives the class that time back. The
/// clocks are the tests' own, so two hours of downtime take no time.
/// </summary>
public sealed class WargameDowntimeTests
{
    private static readonly GameRules Rules = new(600, TimeoutFill.Computer, 3);

    private static string CopyOfJournal(WargameServer host, bool withHeartbeat)
    {
        var copy = Directory.CreateTempSubdirectory("negsim-wargame-").FullName;
        File.Copy(host.Session.JournalPath, Path.Combine(copy, "game.jsonl"));
        if (withHeartbeat) File.Copy(host.Session.HeartbeatPath, Path.Combine(copy, "game.jsonl.heartbeat"));
        return copy;
    }

    private static async Task<JsonElement> ClockAsync(WargameServer host) =>
        (await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clock");

    [Fact]
    public async Task DownPastTheDeadline_RestartPausesWithTheTimeLeftAtTheLastHeartbeat_AndResumeGivesItBack()
    {
        string copy, japan;
        await using (var first = await WargameServer.StartAsync(WargameServer.Gallium, Rules))
        {
            japan = await first.AddTeamAsync("Sakura", "JPN");
            await first.AddTeamAsync("Kimchi", "KOR");
            await first.Instructor("POST start");
            first.Clock.Advance(TimeSpan.FromSeconds(350)); // 250 s = 4 min 10 s left
            first.Session.Heartbeat();
            copy = CopyOfJournal(first, withHeartbeat: true);
        }

        // Back two hours later: the round's deadline passed long ago while nobody could play.
        await using var second = await WargameServer.StartAsync(WargameServer.Gallium, Rules, copy, WargameServer.T0.AddHours(2));
        await second.Session.TickAsync();
        var clock = await ClockAsync(second);
        Assert.Equal("Paused", clock.GetProperty("phase").GetString());
        Assert.Equal(1, clock.GetProperty("round").GetInt32());
        Assert.Equal("paused: the server restarted; 4 min 10 s left when it stopped", clock.GetProperty("paused").GetString());
        Assert.Empty(second.Session.Game.History);
        Assert.Equal("the game is paused", await WargameServer.ErrorOf(await second.Team(japan, "POST move", new { round = 1, bloc = "Stay" })));

        Assert.True((await second.Instructor("POST resume")).IsSuccessStatusCode);
        clock = await ClockAsync(second);
        Assert.Equal(250, clock.GetProperty("secondsLeft").GetDouble());
        Assert.Equal(JsonValueKind.Null, clock.GetProperty("paused").ValueKind);
        second.Clock.Advance(TimeSpan.FromSeconds(249));
        await second.Session.TickAsync();
        Assert.Equal(1, second.Session.Game.Round);
        second.Clock.Advance(TimeSpan.FromSeconds(2));
        await second.Session.TickAsync();
        Assert.Equal(2, second.Session.Game.Round);
        Assert.Equal(CloseReason.TimerExpired, second.Session.Game.History[0].Reason);
    }

    [Fact]
    public async Task NoHeartbeat_TheLastJournaledInputSaysWhenTheHostWasLastAlive()
    {
        string copy;
        await using (var first = await WargameServer.StartAsync(WargameServer.Gallium, Rules))
        {
            await first.AddTeamAsync("Sakura", "JPN");
            await first.Instructor("POST start");
            first.Clock.Advance(TimeSpan.FromSeconds(100));
            Assert.True((await first.Instructor("POST message", new { text = "Ten minutes per round" })).IsSuccessStatusCode);
            copy = CopyOfJournal(first, withHeartbeat: false);
        }

        await using var second = await WargameServer.StartAsync(WargameServer.Gallium, Rules, copy, WargameServer.T0.AddHours(1));
        Assert.Equal("paused: the server restarted; 8 min 20 s left when it stopped", (await ClockAsync(second)).GetProperty("paused").GetString());
        // The pause is journaled: a further restart replays it and leaves the game paused with the same time left.
        Assert.IsType<GamePaused>(second.Session.Game.Inputs.Last(i => i is not InstructorKeyIssued));
    }

    [Fact]
    public async Task RestartWithNoRoundRunning_DoesNotPause()
    {
        string copy;
        await using (var first = await WargameServer.StartAsync(WargameServer.Gallium, Rules))
        {
            await first.AddTeamAsync("Sakura", "JPN");
            copy = CopyOfJournal(first, withHeartbeat: true);
        }
        await using var second = await WargameServer.StartAsync(WargameServer.Gallium, Rules, copy, WargameServer.T0.AddHours(1));
        Assert.Equal(GamePhase.Setup, second.Session.Game.Phase);
        Assert.DoesNotContain(second.Session.Game.Inputs, i => i is GamePaused);
    }
}
