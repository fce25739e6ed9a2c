using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NegotiationSim.Scenarios;
using NegotiationSim.Server;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>A clock the test moves by hand, so the round timer runs out when the test says so.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A war-game host on a free loopback port, on a fresh journal, as `negsim wargame` starts it.</summary>
public sealed class WargameServer : IAsyncDisposable
{
    public static string Repo([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;
    private readonly string _dir;

    private WargameServer(WebApplication app, WargameSession session, string key, string dir, string url, ManualClock clock)
    {
        _app = app;
        Session = session;
        Key = key;
        _dir = dir;
        Url = url;
        Clock = clock;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
    }

    public WargameSession Session { get; }
    public string Key { get; }
    public string Url { get; }
    public ManualClock Clock { get; }
    public HttpClient Http { get; }

    /// <summary>The host's services: its silo's grain factory among them.</summary>
    public IServiceProvider Services => _app.Services;

    public static Task<WargameServer> StartAsync(string scenarioPath, GameRules rules) =>
        StartAsync(scenarioPath, rules, Directory.CreateTempSubdirectory("negsim-wargame-").FullName);

    public static DateTimeOffset T0 { get; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A host on the journal in <paramref name="dir"/> (game.jsonl), resuming the game it holds, its clock at
    /// <paramref name="start"/> (default <see cref="T0"/>); the host deletes the folder.
    /// </summary>
    public static async Task<WargameServer> StartAsync(string scenarioPath, GameRules rules, string dir, DateTimeOffset? start = null)
    {
        var clock = new ManualClock(start ?? T0);
        var scenario = ScenarioLoader.Load(scenarioPath);
        var yaml = await File.ReadAllTextAsync(scenarioPath);
        (WargameSession Session, string Key, bool Resumed)? opened = null;
        var app = WargameHost.Build("http://127.0.0.1:0", clock, async grains =>
            (opened = await WargameSession.OpenAsync(scenario, yaml, Path.Combine(dir, "game.jsonl"), rules, clock, grains)).Value.Session);
        await app.StartAsync();
        return new WargameServer(app, opened!.Value.Session, opened.Value.Key, dir, ServerHost.Address(app).TrimEnd('/'), clock);
    }

    public static string Gallium => Path.Combine(Repo(), "tests", "data", "gallium-negotiation.yaml");

    public Task<HttpResponseMessage> Instructor(string path, object? body = null, string? key = null) => Send(WargameApi.KeyHeader, key ?? Key, path, body);

    public Task<HttpResponseMessage> Team(string code, string path, object? body = null) => Send(WargameApi.CodeHeader, code, path, body);

    private async Task<HttpResponseMessage> Send(string header, string secret, string path, object? body)
    {
        using var request = new HttpRequestMessage(body is null && !path.StartsWith("POST ", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post,
            "/api/wargame/" + path.Replace("POST ", "", StringComparison.Ordinal));
        request.Headers.Add(header, secret);
        if (request.Method == HttpMethod.Post) request.Content = JsonContent.Create(body ?? new { }, options: Json);
        return await Http.SendAsync(request);
    }

    /// <summary>Adds a team seated at <paramref name="country"/>; returns its join code.</summary>
    public async Task<string> AddTeamAsync(string name, string country)
    {
        var r = await Instructor("POST teams", new { name, country });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public static async Task<string> ErrorOf(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetString()!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
