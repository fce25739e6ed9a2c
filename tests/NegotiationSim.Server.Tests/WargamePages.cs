using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// What the war-game page tests share: one chromium for the whole collection, and a way to start a war-game server on a
/// scenario of the test's own (each test gets a fresh game, journal and key; the browser is only launched once).
/// </summary>
public sealed class WargamePages : IAsyncLifetime
{
    private Browser? _browser;

    public Browser Browser => _browser ?? throw new InvalidOperationException("the browser is not launched yet");

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    /// <summary>The test data's gallium negotiation world, optionally with lines that override it (YAML under `extends`).</summary>
    public static string Gallium(string overrides = "") =>
        $"name: page test\nextends: {Path.Combine(LiveHost.Repo(), "tests", "data", "gallium-negotiation.yaml")}\n{overrides}";

    /// <summary>A war-game server on a free loopback port playing <paramref name="yaml"/> (3 rounds, 10-minute timer).</summary>
    public static Task<WargameServer> StartAsync(string yaml) => WargameServer.StartAsync(yaml);

    /// <summary>The instructor's game buttons: those named in <paramref name="enabled"/> are enabled, the others disabled.</summary>
    public static async Task ExpectGameButtonsAsync(IPage instructor, params string[] enabled)
    {
        foreach (var id in new[] { "start", "pause", "resume", "advance", "extend" })
        {
            var button = instructor.Locator("#" + id);
            if (enabled.Contains(id)) await Assertions.Expect(button).ToBeEnabledAsync();
            else await Assertions.Expect(button).ToBeDisabledAsync();
        }
    }

    /// <summary>
    /// No card reaches past the screen's edge and nothing in a card past the card's (a table may be wider: it scrolls
    /// inside its box); the page itself does not scroll sideways. Fails with what sticks out and by how much.
    /// </summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var wide = await page.EvaluateAsync<string[]>(FitsScript);
        Assert.True(wide.Length == 0, $"{what}: {string.Join("; ", wide)}");
    }

    private const string FitsScript = """
        () => {
          const vw = document.documentElement.clientWidth, out = [];
          if (document.documentElement.scrollWidth > vw) out.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${vw} px window`);
          for (const s of document.querySelectorAll("section")) {
            if (!s.offsetParent) continue;
            const r = s.getBoundingClientRect(), name = s.id || s.querySelector("h2")?.textContent;
            if (r.left < 0 || r.right > vw + 0.5) out.push(`card ${name} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
            for (const e of s.querySelectorAll(".scroll, select, label, input, textarea, fieldset, button, p, ul")) {
              if (!e.offsetParent || (e.parentElement.closest(".scroll"))) continue;
              const q = e.getBoundingClientRect();
              if (q.right > r.right + 0.5) out.push(`${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} in card ${name} ends at ${Math.round(q.right)} px, the card at ${Math.round(r.right)} px`);
            }
          }
          return out;
        }
        """;

    /// <summary>A page at <paramref name="width"/> px (1280: a laptop, 390: a phone) that records what went wrong in it.</summary>
    public Task<(IPage Page, List<string> Problems)> OpenAsync(string url, int width = 1280, ColorScheme scheme = ColorScheme.Light) =>
        Browser.OpenAsync(url, scheme, width);
}

[CollectionDefinition(Name)]
public sealed class WargamePagesCollection : ICollectionFixture<WargamePages>
{
    public const string Name = "war-game pages";
}

/// <summary>One war-game host with its own journal in a temporary folder; the instructor key and helpers to post as it or a team.</summary>
public sealed class WargameServer : IAsyncDisposable
{
    private readonly string _dir;
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly Func<WargameSession?> _session;

    private WargameServer(string dir, WebApplication app, string url, Func<WargameSession?> session, Func<string> key)
    {
        (_dir, _app, Url, _session, _key) = (dir, app, url, session, key);
        _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
    }

    private readonly Func<string> _key;

    public string Url { get; }
    public string Key => _key();
    public WargameSession Session => _session() ?? throw new InvalidOperationException("the game is not open yet");
    public string InstructorPage => $"{Url}/wargame/instructor.html#key={Key}";
    public string TeamPage(string code) => $"{Url}/wargame/team.html#code={code}";

    public static async Task<WargameServer> StartAsync(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("negsim-wargame-page-").FullName;
        var path = Path.Combine(dir, "scenario.yaml");
        await File.WriteAllTextAsync(path, yaml);
        var scenario = ScenarioLoader.Load(path);
        WargameSession? session = null;
        var key = "";
        var app = WargameHost.Build("http://127.0.0.1:0", TimeProvider.System, async grains =>
        {
            (session, key, _) = await WargameSession.OpenAsync(scenario, yaml, Path.Combine(dir, "game.jsonl"),
                new GameRules(600, TimeoutFill.Computer, 3), TimeProvider.System, grains);
            return session;
        });
        await app.StartAsync();
        return new WargameServer(dir, app, ServerHost.Address(app).TrimEnd('/'), () => session, () => key);
    }

    /// <summary>Posts as the instructor; a refusal fails the test with the server's words.</summary>
    public Task<JsonElement> InstructorAsync(string path, object? body = null) => PostAsync(path, WargameApi.KeyHeader, Key, body);

    /// <summary>Posts as the team holding <paramref name="code"/>; a refusal fails the test with the server's words.</summary>
    public Task<JsonElement> TeamAsync(string code, string path, object body) => PostAsync(path, WargameApi.CodeHeader, code, body);

    /// <summary>Adds a team (playing <paramref name="country"/>, or none yet) and returns its code.</summary>
    public async Task<string> AddTeamAsync(string name, string? country) =>
        (await InstructorAsync("teams", new { name, country })).GetProperty("code").GetString()!;

    private async Task<JsonElement> PostAsync(string path, string header, string secret, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/wargame/" + path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add(header, secret);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _session()?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
