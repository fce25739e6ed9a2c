using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The server dies mid-round (killed, no shutdown) and is started again on the same journal: the game resumes where it
/// was, nothing lost. `negsim wargame` runs as a child process, exactly as an instructor starts it.
/// </summary>
public sealed partial class WargameRestartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-restart-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Negsim : IDisposable
    {
        private readonly Process _process;

        public Negsim(Process process, string url, string key)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            Key = key;
        }

        public HttpClient Http { get; }
        public string Key { get; }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async Task<JsonElement> SendAsync(string path, object? body = null, string? code = null)
        {
            using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, "/api/wargame/" + path);
            if (code is null) request.Headers.Add(WargameApi.KeyHeader, Key);
            else request.Headers.Add(WargameApi.CodeHeader, code);
            if (body is not null) request.Content = JsonContent.Create(body);
            var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public void Dispose()
        {
            Http.Dispose();
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+)/wargame/instructor\.html#key=([0-9A-Z]+)")]
    private static partial Regex Announcement();

    private async Task<Negsim> StartAsync(string journal)
    {
        var negsim = Path.Combine(AppContext.BaseDirectory, "negsim.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { negsim, "wargame", WargameServer.Gallium, "--journal", journal, "--urls", "http://127.0.0.1:0", "--round-seconds", "600" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        start.Environment["COLUMNS"] = "400"; // one line per message, so the address is not wrapped
        var process = Process.Start(start)!;
        // Standard error is drained from the start: a child logging warnings into a full pipe would stall.
        var errors = process.StandardError.ReadToEndAsync();
        var seen = "";
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                seen += line + "\n";
                if (Announcement().Match(seen.Replace("\n", "")) is { Success: true } m)
                {
                    _ = process.StandardOutput.ReadToEndAsync(); // keep draining so the child never blocks on a full pipe
                    return new Negsim(process, m.Groups[1].Value, m.Groups[2].Value);
                }
            }
        }
        catch (OperationCanceledException) { seen += "(no address after 90 s)\n"; }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"negsim wargame did not announce its address:\n{seen}{await errors}");
    }

    /// <summary>
    /// The state a user sees, without what a restart legitimately changes: the clock's version counter, and its timer
    /// (the restart pauses the round; <see cref="KilledMidRound_RestartedOnTheSameJournal_ResumesWithNothingLost"/> checks it).
    /// </summary>
    private static string State(JsonElement instructor)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(instructor.GetRawText())!;
        copy["clock"] = JsonSerializer.SerializeToElement(new { round = copy["clock"].GetProperty("round").GetInt32() });
        return JsonSerializer.Serialize(copy);
    }

    [Fact]
    public async Task KilledMidRound_RestartedOnTheSameJournal_ResumesWithNothingLost()
    {
        var journal = Path.Combine(_dir, "class.jsonl");
        string before, japan, korea;
        using (var first = await StartAsync(journal))
        {
            japan = (await first.SendAsync("teams", new { name = "Sakura", country = "JPN" })).GetProperty("code").GetString()!;
            korea = (await first.SendAsync("teams", new { name = "Kimchi", country = "KOR" })).GetProperty("code").GetString()!;
            await first.SendAsync("start", new { });
            await first.SendAsync("offer", new { round = 1, partner = "KOR", role = "buy", mineral = "gallium", stage = "refined", levels = new[] { 2, 2, 1, 0, 0, 0, 0 } }, japan);
            await first.SendAsync("answer", new { round = 1, offerId = "O1", accept = true }, korea);
            await first.SendAsync("move", new { round = 1, bloc = "Stay" }, japan);
            await first.SendAsync("move", new { round = 1, bloc = "Join" }, korea); // closes round 1: round 2 simulated with the deal
            await first.SendAsync("inject", new { kind = "disruption", country = "CHN", mineral = "gallium", stage = "refined" });
            await first.SendAsync("message", new { text = "Ministers meet <tonight>" });
            await first.SendAsync("move", new { round = 2, bloc = "Stay" }, japan); // mid-round 2: Korea has not moved
            before = State(await first.SendAsync("instructor"));
            first.Kill();
        }

        Assert.True(File.Exists(journal + ".heartbeat"), "the host left no heartbeat beside its journal");

        using var second = await StartAsync(journal);
        var after = await second.SendAsync("instructor");
        Assert.Equal(before, State(after));
        Assert.Equal(2, after.GetProperty("clock").GetProperty("round").GetInt32());
        // The round whose timer was running is paused, not closed, and says why; Resume gives back the time left when it stopped.
        Assert.Equal("Paused", after.GetProperty("clock").GetProperty("phase").GetString());
        Assert.StartsWith("paused: the server restarted; ", after.GetProperty("clock").GetProperty("paused").GetString());
        await second.SendAsync("resume", new { });
        var left = (await second.SendAsync("instructor")).GetProperty("clock").GetProperty("secondsLeft").GetDouble();
        Assert.InRange(left, 400, 600); // 600 s a round, less the seconds round 2 ran before the kill
        Assert.Contains(after.GetProperty("world").GetProperty("deals").EnumerateArray(), d => d.GetProperty("id").GetString() == "W1");
        // The old codes still work, and the game goes on from where it stood.
        var team = await second.SendAsync("team", code: korea);
        Assert.False(team.GetProperty("moved").GetBoolean());
        await second.SendAsync("move", new { round = 2, bloc = "Stay" }, korea);
        Assert.Equal(3, (await second.SendAsync("instructor")).GetProperty("clock").GetProperty("round").GetInt32());
    }
}
