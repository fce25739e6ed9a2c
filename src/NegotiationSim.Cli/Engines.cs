using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationSim.Server;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Grains;

namespace NegotiationSim.Cli;

public enum EngineKind { Grains, Reference }

/// <summary>How much of a run was done: the rounds completed and the grain calls made (0 on the reference engine).</summary>
public readonly record struct RunCount(int Rounds, long GrainCalls);

/// <summary>
/// Runs a scenario round by round on either engine; the caller sees each report as it completes and keeps what it
/// needs (the reports are not collected here, so memory does not grow with the run's length).
/// </summary>
public static class Engines
{
    public static async Task<RunCount> RunAsync(Scenario scenario, EngineKind engine,
        Action<RoundReport>? onRound = null, CancellationToken ct = default)
    {
        var rounds = 0;
        if (engine == EngineKind.Reference)
        {
            var simulation = new Simulation(scenario, new ReferenceHost(scenario));
            for (var t = 1; t <= scenario.Rounds && !ct.IsCancellationRequested; t++)
            {
                var report = await simulation.RunRoundAsync(t); // not inside onRound?.Invoke(…): that skips the round when no one listens
                onRound?.Invoke(report);
                rounds++;
            }
            return new RunCount(rounds, 0);
        }
        long calls;
        using var host = BuildSilo();
        await host.StartAsync(ct);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var run = grains.GetGrain<ISimulationGrain>($"run-{scenario.Seed}-{Guid.NewGuid():N}");
            await run.StartAsync(scenario);
            for (var t = 1; t <= scenario.Rounds && !ct.IsCancellationRequested; t++)
            {
                var report = await run.RunRoundAsync(t);
                onRound?.Invoke(report);
                rounds++;
            }
            calls = await run.GrainCallsAsync();
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
        return new RunCount(rounds, calls);
    }

    /// <summary>The embedded default: one silo on localhost clustering, nothing to install.</summary>
    public static IHost BuildSilo()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddNegotiationSimSerialization();
        builder.UseOrleans(silo => silo.UseFreeLocalhostClustering());
        return builder.Build();
    }
}
