using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationSim.Grains;
using NegotiationSim.Wargame;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The classroom war-game host (`negsim wargame`): the instructor's page, the team pages and the debrief under
/// /wargame/, the API under /api/wargame, the push channel at /wargame/hub, and the Orleans Dashboard at /dashboard.
/// The process is an Orleans silo, as the live host is: the game's rounds run on its simulation, country and market
/// grains. A restart on the journal replays the game on fresh grains (they hold their state in memory only).
/// </summary>
public static class WargameHost
{
    /// <summary>Requests larger than this are refused before they are read: no move or offer comes near it.</summary>
    public const long MaxBody = 16 * 1024;

    /// <summary>The cookie that carries the instructor key to /dashboard (set when it is opened with ?key=).</summary>
    public const string DashboardCookie = "wg-dashboard";

    /// <summary>
    /// The host; <paramref name="open"/> opens (or resumes) the game once the silo is up and before the host listens,
    /// so no request ever meets a game still replaying. A journal it cannot replay makes StartAsync throw.
    /// </summary>
    public static WebApplication Build(string urls, TimeProvider clock, Func<IGrainFactory, Task<WargameSession>> open, string? publicUrl = null)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = web });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBody);
        ServerHost.QuietLogging(builder.Logging);
        // A journal the game cannot resume fails the host's start; `negsim wargame` says why in one line, not a logged stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddNegotiationSimSerialization();
        builder.UseOrleans(silo =>
        {
            silo.UseFreeLocalhostClustering();
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = 1000);
            // The game's grains hold its world in memory only: keep them through a long class (and a lunch break).
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromDays(2));
        });
        // Registered after the silo, so it starts once the silo has (hosted services start in order, before Kestrel).
        builder.Services.AddSingleton(sp => new WargameOpener(open, sp.GetRequiredService<IGrainFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WargameOpener>());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<WargameOpener>().Session);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new PublicAddress(publicUrl));
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<DebriefCache>();
        builder.Services.AddSignalR().AddJsonProtocol(_ => { });
        builder.Services.AddHostedService<WargamePulse>();
        // Prices with no floor are NaN; they travel as "NaN" rather than failing the response.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals);
        // A body of the wrong types throws, so the handler below can say what was wrong instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var app = builder.Build();
        // A malformed request (wrong types, bad JSON, too large) gets its reason as JSON, never a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async http =>
            {
                var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var (status, message) = error is BadHttpRequestException bad
                    ? (bad.StatusCode, BindingErrors.Describe(bad))
                    : (StatusCodes.Status500InternalServerError, "the server failed on this request");
                if (status >= 500)
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NegotiationSim.Wargame").LogError(error, "{Path} failed", http.Request.Path);
                http.Response.StatusCode = status;
                await http.Response.WriteAsJsonAsync(new { errors = new[] { message } });
            },
        });
        app.Use(async (http, next) =>
        {
            await next();
            // A body over the limit is caught while the endpoint reads it and answered with a bare 413 (the framework takes
            // it as an I/O error, not a bad request for the handler above); the pages show the errors list, so say it there.
            if (http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
                await http.Response.WriteAsJsonAsync(new { errors = new[] { $"body: at most {MaxBody / 1024} KiB" } });
        });
        app.Use(async (http, next) =>
        {
            // The Orleans Dashboard is its own page (a script bundle of its own); the policy is for the game's pages.
            if (!http.Request.Path.StartsWithSegments("/dashboard"))
                http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'";
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            await next();
        });
        // The dashboard shows every grain of the game (and the silo's workings): the instructor's, not the class's.
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/dashboard")) { await next(); return; }
            var session = http.RequestServices.GetRequiredService<WargameSession>();
            var asked = http.Request.Query["key"].ToString();
            if (asked.Length > 0 && Secrets.Matches(asked, session.Game.InstructorKeyHash))
            {
                // Kept in a cookie for the dashboard's own requests; the redirect takes the key out of the address bar.
                http.Response.Cookies.Append(DashboardCookie, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/dashboard" });
                http.Response.Redirect(http.Request.PathBase + http.Request.Path);
                return;
            }
            if (asked.Length == 0 && Secrets.Matches(http.Request.Cookies[DashboardCookie], session.Game.InstructorKeyHash)) { await next(); return; }
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The Orleans Dashboard needs the instructor key: open it from the instructor page's Grains link, or as "
                + "/dashboard/?key=<the key `negsim wargame` printed>. Each start of the server prints a new key.");
        });
        app.MapGet("/", () => Results.Redirect("/wargame/instructor.html"));
        app.MapGet("/favicon.ico", () => Results.NoContent()); // browsers ask for one; a 404 would show as a page error
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(web) });
        app.MapHub<WargameHub>("/wargame/hub");
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        WargameApi.Map(app);
        return app;
    }
}

/// <summary>Opens the game on the silo's grains while the host starts; the session every page and API call is given.</summary>
internal sealed class WargameOpener(Func<IGrainFactory, Task<WargameSession>> open, IGrainFactory grains) : IHostedService
{
    private WargameSession? _session;

    public WargameSession Session => _session ?? throw new InvalidOperationException("the war-game is not open yet");

    public async Task StartAsync(CancellationToken cancellationToken) => _session = await open(grains);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
