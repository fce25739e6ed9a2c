using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using NegotiationSim.Grains;
using NegotiationSim.Server.Live;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace NegotiationSim.Server;

/// <summary>Where the host listens and which scenarios its page may pick.</summary>
public sealed record ServerOptions(string Urls, string? ScenarioDirectory, string? ScenarioFile = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}

/// <summary>
/// The live host: one process that is the Orleans silo (running the simulation grains), the Orleans Dashboard at
/// /dashboard, the SignalR hub at /hub, a small JSON API at /api and the domain page at /.
/// </summary>
public static class ServerHost
{
    public static WebApplication Build(ServerOptions options)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = web });
        builder.WebHost.UseUrls(options.Urls);
        QuietLogging(builder.Logging);
        builder.Services.AddNegotiationSimSerialization();
        builder.UseOrleans(silo =>
        {
            silo.UseFreeLocalhostClustering();
            silo.UseInMemoryReminderService();
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = 1000);
            // A run's grains hold its state in memory only: keep them through a long pause (replaced runs are
            // deactivated explicitly, see LiveRun.Retire).
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromDays(1));
        });
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(new ScenarioLibrary(options.ScenarioDirectory, options.ScenarioFile));
        builder.Services.AddSingleton<UpdateBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UpdateBroadcaster>());
        builder.Services.AddSingleton<LiveRun>();

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(web) });
        app.MapHub<RunHub>("/hub");
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        RunApi.Map(app);
        return app;
    }

    /// <summary>The address Kestrel bound (after start; resolves a requested port 0 to the real one).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("the host has no address: start it first");

    /// <summary>
    /// Warnings and errors only, one line each, on standard error: standard output stays the command's own (addresses,
    /// keys, `file:line` refusals) even while a silo stops. Orleans' start-up notes (GC mode, watchdog) are not for a
    /// user; its errors still show.
    /// </summary>
    internal static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Orleans", LogLevel.Error);
        // It logs every exception it hands to the app's handler, with its stack, before the handler answers: a bad request
        // body (answered with a clear 400) looked like a crash on the instructor's terminal. Real failures are logged by
        // the handler itself (WargameHost), one line with the request's path.
        logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
    }

    /// <summary>
    /// Localhost clustering on two free loopback ports, so several silos on one machine (a test run beside a console
    /// run, tests in parallel) never collide on Orleans' fixed defaults (11111, 30000).
    /// </summary>
    public static ISiloBuilder UseFreeLocalhostClustering(this ISiloBuilder silo)
    {
        var (siloPort, gatewayPort) = FreeListeningPorts();
        return silo.UseLocalhostClustering(siloPort, gatewayPort);
    }

    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// Two ports free now, below the kernel's ephemeral range: a port the kernel hands out for "any port" is also the
    /// source port of outgoing connections, so between the probe and the silo's bind a test's HTTP client could take it
    /// (seen as "Address already in use" under load). Ports below the range are only ever taken by an explicit bind.
    /// </summary>
    private static (int Silo, int Gateway) FreeListeningPorts()
    {
        var low = EphemeralLow();
        var (from, to) = (Math.Max(1024, low - 12_000), low);
        var probes = new List<TcpListener>();
        try
        {
            lock (Handed)
            {
                for (var attempt = 0; attempt < 500 && probes.Count < 2 && to - from > 100; attempt++)
                {
                    var port = Random.Shared.Next(from, to); // infrastructure, not the simulation: no seed to keep
                    if (Handed.Contains(port)) continue;
                    var probe = new TcpListener(IPAddress.Loopback, port);
                    try { probe.Start(); } catch (SocketException) { continue; }
                    probes.Add(probe);
                    Handed.Add(port);
                }
                // Both probes stay open until both ports are read: two probes in turn could be handed the same port.
                while (probes.Count < 2)
                {
                    var any = new TcpListener(IPAddress.Loopback, 0);
                    any.Start();
                    probes.Add(any);
                }
                return (((IPEndPoint)probes[0].LocalEndpoint).Port, ((IPEndPoint)probes[1].LocalEndpoint).Port);
            }
        }
        finally
        {
            foreach (var p in probes) p.Stop();
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux); the IANA range's start elsewhere.</summary>
    private static int EphemeralLow()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 49152;
        }
    }
}
