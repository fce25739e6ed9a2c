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
        // Free ports for the silo, so several hosts (a test run beside a console run) do not collide on Orleans' defaults.
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
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
    }

    /// <summary>A free loopback port, for a silo that must not collide with another host's on Orleans' defaults.</summary>
    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
