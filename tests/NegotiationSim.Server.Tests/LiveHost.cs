using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Server;
using NegotiationSim.Server.Live;

namespace NegotiationSim.Server.Tests;

/// <summary>
/// A live host on a free loopback port, as `negsim serve` starts it: the repository's scenario library plus the small
/// test world. One per test collection; tests in a collection share its run and load their own scenario first.
/// </summary>
public sealed class LiveHost : IAsyncLifetime
{
    public static string Repo([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private WebApplication? _app;

    public string Url { get; private set; } = "";
    public HttpClient Http { get; private set; } = new();
    public LiveRun Run => _app!.Services.GetRequiredService<LiveRun>();

    public async Task InitializeAsync()
    {
        _app = ServerHost.Build(new ServerOptions("http://127.0.0.1:0", Path.Combine(Repo(), "scenarios"),
            Path.Combine(Repo(), "tests", "data", "gallium-control.yaml")));
        await _app.StartAsync();
        Url = ServerHost.Address(_app).TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public async Task<Snapshot> SnapshotAsync() => (await Http.GetFromJsonAsync<Snapshot>("/api/run", Json))!;

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        await Http.PostAsJsonAsync(path, body ?? new { }, Json);
}

[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<LiveHost>
{
    public const string Name = "api host";
}

[CollectionDefinition(Name)]
public sealed class BrowserHostCollection : ICollectionFixture<LiveHost>
{
    public const string Name = "browser host";
}
