using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NegotiationSim.Server.Live;

namespace NegotiationSim.Server;

/// <summary>The same commands as the hub, over plain HTTP (scripts, curl, tests): /api/scenarios, /api/run and its verbs.</summary>
public static class RunApi
{
    public sealed record LoadRequest(string? Scenario, int? Rounds, long? Seed);

    public sealed record SpeedRequest(double RoundsPerSecond);

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/scenarios", (ScenarioLibrary library) => library.Entries());
        api.MapGet("/run", (LiveRun run) => run.Snapshot());
        api.MapPost("/run/load", async (LoadRequest? request, LiveRun run) =>
        {
            if (string.IsNullOrWhiteSpace(request?.Scenario))
                return Results.BadRequest(new { errors = new[] { "body must name a scenario file: {\"scenario\": \"forge-2026.yaml\"}" } });
            var errors = await run.LoadAsync(request.Scenario, request.Rounds, request.Seed);
            return errors.Count == 0 ? Results.Ok(run.Snapshot()) : Results.BadRequest(new { errors });
        });
        api.MapPost("/run/start", async (LiveRun run) => { await run.StartAsync(); return Status(run); });
        api.MapPost("/run/pause", async (LiveRun run) => { await run.PauseAsync(); return Status(run); });
        api.MapPost("/run/step", async (LiveRun run) => { await run.StepAsync(); return Status(run); });
        api.MapPost("/run/speed", (SpeedRequest request, LiveRun run) => { run.SetSpeed(request.RoundsPerSecond); return Status(run); });
    }

    /// <summary>A command on a host with no scenario loaded is a conflict the caller can act on, not a silent no-op.</summary>
    private static IResult Status(LiveRun run)
    {
        var status = run.Status();
        return status.Status == RunStatus.Empty
            ? Results.Conflict(new { errors = new[] { "no scenario loaded: POST /api/run/load first" } })
            : Results.Ok(status);
    }
}
