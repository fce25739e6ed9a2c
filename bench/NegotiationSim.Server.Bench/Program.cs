using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NegotiationSim.Server;
using NegotiationSim.Server.Live;

// Live host numbers: start-up time, and update latency (round completed on the server → received by each of N SignalR
// viewers, and → drawn by a real page in chromium) while a run goes at a set rate. Everything runs on this machine,
// so the viewers share the cores with the host.
//   dotnet run -c Release --project bench/NegotiationSim.Server.Bench -- [scenario.yaml] [--rounds 200] [--speed 20]
//       [--viewers 50] [--browser /usr/bin/chromium | --browser none]
// The war-game's numbers (a class of teams moving at once, viewers, debrief, restart) are WargameBench's:
//   dotnet run -c Release --project bench/NegotiationSim.Server.Bench -- --wargame [--teams 40 --viewers 100 --rounds 6]
if (args.Contains("--wargame"))
{
    try { return await WargameBench.RunAsync(args); }
    catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
}
var file = Path.Combine("tests", "data", "gallium-control.yaml");
var rounds = 200;
var speed = 20.0;
var viewers = 50;
var browserPath = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : "none";
for (var a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--rounds": rounds = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--speed": speed = double.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--viewers": viewers = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--browser": browserPath = args[++a]; break;
        default: file = args[a]; break;
    }
}
if (!File.Exists(file)) { Console.Error.WriteLine($"{file}: no such scenario file"); return 2; }
static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

// ---- start-up ----------------------------------------------------------------------------------------------------
var clock = Stopwatch.StartNew();
await using var app = ServerHost.Build(new ServerOptions("http://127.0.0.1:0", Path.GetDirectoryName(Path.GetFullPath(file)), Path.GetFullPath(file)));
await app.StartAsync();
var started = clock.Elapsed;
var url = ServerHost.Address(app).TrimEnd('/');
using var http = new HttpClient();
(await http.GetAsync(url + "/")).EnsureSuccessStatusCode();
var firstPage = clock.Elapsed;
(await http.GetAsync(url + "/dashboard/")).EnsureSuccessStatusCode();
Console.WriteLine($"host start-up: {started.TotalSeconds:F2} s to listening (silo + dashboard + web), {firstPage.TotalSeconds:F2} s to the first page served");

// ---- viewers -----------------------------------------------------------------------------------------------------
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
var received = Enumerable.Range(0, viewers).Select(_ => new List<(int Round, double LatencyMs)>()).ToArray();
var connections = new List<HubConnection>();
for (var v = 0; v < viewers; v++)
{
    var mine = received[v];
    var c = new HubConnectionBuilder().WithUrl(url + "/hub").AddJsonProtocol(o => o.PayloadSerializerOptions = json).Build();
    c.On<Update>("update", u => { var now = NowMs(); lock (mine) mine.AddRange(u.Rounds.Select(r => (r.Round, now - r.CompletedAtMs))); });
    await c.StartAsync();
    connections.Add(c);
}
var run = app.Services.GetRequiredService<LiveRun>();
var errors = await run.LoadAsync(Path.GetFileName(file), rounds);
if (errors.Count > 0) { foreach (var e in errors) Console.Error.WriteLine(e); return 1; }

IPlaywright? playwright = null;
IBrowser? browser = null;
IPage? page = null;
if (browserPath != "none")
{
    playwright = await Playwright.CreateAsync();
    browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = browserPath, Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"] });
    page = await browser.NewPageAsync();
    await page.GotoAsync(url + "/");
    await page.WaitForFunctionAsync("() => window.negsim && window.negsim.info");
}
Console.WriteLine($"{viewers} SignalR viewers{(page is null ? "" : " + 1 chromium page")}; {Path.GetFileName(file)}, {rounds} rounds at {speed} rounds/s");

// ---- the run -----------------------------------------------------------------------------------------------------
var finished = new TaskCompletionSource();
run.Ended += _ => finished.TrySetResult();
run.SetSpeed(speed);
var runClock = Stopwatch.StartNew();
await run.StartAsync();
await finished.Task;
var runTime = runClock.Elapsed;
await Task.Delay(UpdateBroadcaster.Interval * 4); // the last batch

// ---- numbers -----------------------------------------------------------------------------------------------------
static string Quantiles(IEnumerable<double> xs)
{
    var s = xs.Order().ToArray();
    if (s.Length == 0) return "no samples";
    double Q(double q) => s[Math.Min(s.Length - 1, (int)(q * s.Length))];
    return $"p50 {Q(0.5):F1} ms, p95 {Q(0.95):F1} ms, p99 {Q(0.99):F1} ms, max {s[^1]:F1} ms ({s.Length} samples)";
}
Console.WriteLine($"run: {rounds} rounds in {runTime.TotalSeconds:F2} s = {rounds / runTime.TotalSeconds:F1} rounds/s achieved");
var complete = received.Count(r => r.Select(x => x.Round).SequenceEqual(Enumerable.Range(1, rounds)));
Console.WriteLine($"viewers with every round once and in order: {complete} / {viewers}");
var all = received.SelectMany(r => r).ToArray();
Console.WriteLine($"server → SignalR viewer latency: {Quantiles(all.Select(x => x.LatencyMs))}");
var half = rounds / 2;
Console.WriteLine($"  first half {Quantiles(all.Where(x => x.Round <= half).Select(x => x.LatencyMs))}");
Console.WriteLine($"  second half {Quantiles(all.Where(x => x.Round > half).Select(x => x.LatencyMs))}   (no growth = not falling behind)");
if (page is not null)
{
    var drawn = await page.EvaluateAsync<double[]>("() => window.negsim.latencies");
    var frames = await page.EvaluateAsync<int>("() => window.negsim.frames");
    var last = await page.EvaluateAsync<int>("() => window.negsim.rounds.length");
    Console.WriteLine($"server → drawn on the page (chromium): {Quantiles(drawn)}; {frames} frames drawn, {last} / {rounds} rounds held");
    await browser!.DisposeAsync();
    playwright!.Dispose();
}
foreach (var c in connections) await c.DisposeAsync();
await app.StopAsync();
return complete == viewers ? 0 : 1;
