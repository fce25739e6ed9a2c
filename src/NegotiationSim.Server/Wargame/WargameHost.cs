using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The classroom war-game host (`negsim wargame`): the instructor's page, the team pages and the debrief under
/// /wargame/, the API under /api/wargame, and the push channel at /wargame/hub. The game runs on the reference
/// engine in this process (the same bytes as the grains), so a restart on the journal rebuilds it without a cluster.
/// </summary>
public static class WargameHost
{
    /// <summary>Requests larger than this are refused before they are read: no move or offer comes near it.</summary>
    public const long MaxBody = 16 * 1024;

    public static WebApplication Build(string urls, WargameSession session, TimeProvider clock)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = web });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBody);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton(clock);
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
                    ? (bad.StatusCode, $"bad request: {bad.Message}")
                    : (StatusCodes.Status500InternalServerError, "the server failed on this request");
                if (status >= 500)
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NegotiationSim.Wargame").LogError(error, "{Path} failed", http.Request.Path);
                http.Response.StatusCode = status;
                await http.Response.WriteAsJsonAsync(new { errors = new[] { message } });
            },
        });
        app.Use(async (http, next) =>
        {
            http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'";
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            await next();
        });
        app.MapGet("/", () => Results.Redirect("/wargame/instructor.html"));
        app.MapGet("/favicon.ico", () => Results.NoContent()); // browsers ask for one; a 404 would show as a page error
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(web) });
        app.MapHub<WargameHub>("/wargame/hub");
        WargameApi.Map(app);
        return app;
    }
}
