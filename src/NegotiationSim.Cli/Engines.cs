using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Grains;

namespace NegotiationSim.Cli;

public enum EngineKind { Grains, Reference }

/// <summary>Runs a scenario round by round on either engine; the caller sees each report as it completes.</summary>
public static class Engines
{
    public static async Task<IReadOnlyList<RoundReport>> RunAsync(Scenario scenario, EngineKind engine,
        Action<RoundReport>? onRound = null, CancellationToken ct = default) =>
        (await RunCountingAsync(scenario, engine, onRound, ct)).Reports;

    /// <summary>As <see cref="RunAsync"/>, also returning the grain calls made (0 on the reference engine).</summary>
    public static async Task<(IReadOnlyList<RoundReport> Reports, long GrainCalls)> RunCountingAsync(Scenario scenario,
        EngineKind engine, Action<RoundReport>? onRound = null, CancellationToken ct = default)
    {
        var reports = new List<RoundReport>();
        if (engine == EngineKind.Reference)
        {
            var simulation = new Simulation(scenario, new ReferenceHost(scenario));
            for (var t = 1; t <= scenario.Rounds && !ct.IsCancellationRequested; t++)
            {
                var report = await simulation.RunRoundAsync(t);
                reports.Add(report);
                onRound?.Invoke(report);
            }
            return (reports, 0);
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
                reports.Add(report);
                onRound?.Invoke(report);
            }
            calls = await run.GrainCallsAsync();
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
        return (reports, calls);
    }

    /// <summary>The embedded default: one silo on localhost clustering, nothing to install.</summary>
    public static IHost BuildSilo()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddNegotiationSimSerialization();
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        return builder.Build();
    }
}
