using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Server.Live;

namespace NegotiationSim.Server.Tests;

/// <summary>The SignalR channel as a viewer's page uses it: every round once and in order, batched, and a late viewer catching up.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class HubTests(LiveHost host)
{
    private async Task<(HubConnection Connection, ConcurrentQueue<(TimeSpan At, Update Update)> Updates)> ConnectAsync(Stopwatch clock)
    {
        var updates = new ConcurrentQueue<(TimeSpan, Update)>();
        var connection = new HubConnectionBuilder().WithUrl($"{host.Url}/hub")
            .AddJsonProtocol(o => o.PayloadSerializerOptions = LiveHost.Json).Build();
        connection.On<Update>("update", u => updates.Enqueue((clock.Elapsed, u)));
        await connection.StartAsync();
        return (connection, updates);
    }

    private static async Task WaitUntil(Func<bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"not reached in {timeout.TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task RunAtFullSpeed_ViewerGetsEveryRoundOnceInOrder_InAtMostTwentyPushesASecond()
    {
        // Given: a viewer, and a run with more rounds than pushes
        var clock = Stopwatch.StartNew();
        var (connection, updates) = await ConnectAsync(clock);
        await using var _ = connection;
        var errors = await connection.InvokeAsync<string[]>("Load", "gallium-control.yaml", 40, null);
        Assert.Empty(errors);
        await connection.InvokeAsync<StatusView>("SetSpeed", 0.0);

        // When
        var started = clock.Elapsed;
        await connection.InvokeAsync<StatusView>("Start");
        await WaitUntil(() => updates.Any(u => u.Update.Status.Status == RunStatus.Finished), TimeSpan.FromSeconds(60));

        // Then
        var runId = host.Run.Status().RunId;
        var rounds = updates.Where(u => u.Update.Status.RunId == runId).SelectMany(u => u.Update.Rounds).Select(r => r.Round).ToArray();
        Assert.Equal(Enumerable.Range(1, 40), rounds);
        // Every push was sent between Start and the last arrival: at most one per interval fits in that span, however
        // slow the rounds (a slow machine sends a push per round; a fast one batches many rounds into one).
        var pushes = updates.Where(u => u.At >= started).Select(u => u.At).ToArray();
        var span = pushes[^1] - started;
        var allowed = (int)(span / UpdateBroadcaster.Interval) + 2;
        Assert.True(pushes.Length <= allowed, $"{pushes.Length} pushes in {span.TotalMilliseconds:F0} ms: more than one per {UpdateBroadcaster.Interval.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ViewerOpenedMidRun_CatchesUpFromSnapshot_ThenFollowsPushes()
    {
        // Given: four rounds already run
        var run = host.Run;
        Assert.Empty(await run.LoadAsync("gallium-control.yaml"));
        for (var i = 0; i < 4; i++) await run.StepAsync();

        // When
        var clock = Stopwatch.StartNew();
        var (connection, updates) = await ConnectAsync(clock);
        await using var _ = connection;
        var snapshot = await connection.InvokeAsync<Snapshot>("Snapshot");
        await connection.InvokeAsync<StatusView>("Step");
        await WaitUntil(() => updates.SelectMany(u => u.Update.Rounds).Any(r => r.Round == 5), TimeSpan.FromSeconds(30));

        // Then
        Assert.Equal([1, 2, 3, 4], snapshot.Rounds.Select(r => r.Round));
        Assert.Equal("gallium-control.yaml", snapshot.Info!.File);
        Assert.Equal(RunStatus.Paused, snapshot.Status.Status);
        // A push already on its way when the viewer connected may repeat rounds the snapshot holds (the page skips
        // those); what is new arrives once.
        Assert.Equal([5], updates.SelectMany(u => u.Update.Rounds).Select(r => r.Round).Where(r => r > 4));
    }

    [Fact]
    public async Task Pause_WhileRunning_NoRoundArrivesAfterItAnswers_AndStartRunsOn()
    {
        // Given
        var run = host.Run;
        Assert.Empty(await run.LoadAsync("gallium-control.yaml", rounds: 200));
        run.SetSpeed(20);
        await run.StartAsync();
        await WaitUntil(() => run.Status().Round >= 3, TimeSpan.FromSeconds(30));

        // When
        await run.PauseAsync();
        var paused = run.Status();
        await Task.Delay(400);

        // Then
        Assert.Equal(RunStatus.Paused, paused.Status);
        Assert.Equal(paused.Round, run.Status().Round);
        await run.StartAsync();
        await WaitUntil(() => run.Status().Round >= paused.Round + 2, TimeSpan.FromSeconds(30));
        await run.PauseAsync();
        Assert.Equal(Enumerable.Range(1, run.Status().Round), run.Snapshot().Rounds.Select(r => r.Round));
    }

    [Fact]
    public async Task Start_OnAFinishedRun_StartsAgainFromRoundOneWithTheSameResults()
    {
        // Given: a finished two-round run
        var run = host.Run;
        Assert.Empty(await run.LoadAsync("gallium-control.yaml", rounds: 2));
        await run.StepAsync();
        await run.StepAsync();
        var first = run.Snapshot();
        Assert.Equal(RunStatus.Finished, first.Status.Status);

        // When
        run.SetSpeed(0);
        await run.StartAsync();
        await WaitUntil(() => run.Status().Status == RunStatus.Finished, TimeSpan.FromSeconds(30));

        // Then: a new run (fresh grains), the same numbers
        var second = run.Snapshot();
        Assert.NotEqual(first.Info!.RunId, second.Info!.RunId);
        Assert.Equal(first.Rounds.Select(r => r.Prices.Select(p => p.Member)).SelectMany(x => x), second.Rounds.Select(r => r.Prices.Select(p => p.Member)).SelectMany(x => x));
    }

    [Fact]
    public async Task Load_AfterARun_ReleasesTheReplacedRunsGrains()
    {
        // Given: a run of the six-country world that has started
        var run = host.Run;
        Assert.Empty(await run.LoadAsync("gallium-control.yaml"));
        await run.StepAsync();

        // When: another run replaces it, and starts
        Assert.Empty(await run.LoadAsync("gallium-control.yaml"));
        await run.StepAsync();

        // Then: only the new run's grains stay active (one simulation, six countries, one market)
        var clock = Stopwatch.StartNew();
        while (await host.ActivationsAsync("CountryGrain") != 6 || await host.ActivationsAsync("SimulationGrain") != 1
               || await host.ActivationsAsync("MarketGrain") != 1)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{await host.ActivationsAsync("CountryGrain")} country grains still active; {await host.TypesAsync()}");
            await Task.Delay(100);
        }
    }
}
