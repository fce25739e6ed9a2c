using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Grains;

namespace NegotiationSim.Server.Live;

/// <summary>
/// The one run this host shows, driven through the grains engine (a <see cref="ISimulationGrain"/> per run, as the
/// console does). Every viewer sees and commands the same run. Commands are serialised; a round in progress always
/// completes (a grain call cannot be taken back), so pause waits for it and no round arrives after pause returns.
/// </summary>
public sealed class LiveRun(IGrainFactory grains, ScenarioLibrary library, UpdateBroadcaster broadcaster, ILogger<LiveRun> log)
{
    /// <summary>Speeds the page offers are clamped to this range (rounds per second); 0 runs as fast as the engine goes.</summary>
    public const double MaxSpeed = 100;

    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly Lock _state = new();
    private readonly List<RoundView> _rounds = [];
    private Scenario? _scenario;
    private RunInfo? _info;
    private RoundViewBuilder? _builder;
    private ISimulationGrain? _grain;
    private RunStatus _status = RunStatus.Empty;
    private string? _error;
    private double _speed = 2;
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;

    /// <summary>Each completed round's full report, in order (the console of `negsim run --dashboard` listens here).</summary>
    public event Action<RoundReport>? RoundCompleted;

    /// <summary>Raised after the run reaches its last round or fails.</summary>
    public event Action<RunStatus>? Ended;

    public Snapshot Snapshot()
    {
        lock (_state) return new Snapshot(_info, StatusLocked(), [.. _rounds]);
    }

    public StatusView Status()
    {
        lock (_state) return StatusLocked();
    }

    /// <summary>Loads a file of the library (with optional overrides) as a fresh run, ready to start.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(string file, int? rounds = null, long? seed = null)
    {
        if (rounds is < 1 or > 1200) return ["rounds must be between 1 and 1200"];
        if (!library.TryLoad(file, out var scenario, out var errors)) return errors;
        await LoadAsync(scenario! with { Rounds = rounds ?? scenario.Rounds, Seed = seed ?? scenario.Seed }, file);
        return [];
    }

    /// <summary>Loads an already validated scenario as a fresh run (the console's run, with its overrides applied).</summary>
    public async Task LoadAsync(Scenario scenario, string file)
    {
        await _commands.WaitAsync();
        try
        {
            await StopLoopAsync();
            var runId = $"live-{scenario.Seed}-{Guid.NewGuid():N}";
            lock (_state)
            {
                _scenario = scenario;
                _info = RoundViewBuilder.Info(runId, file, scenario);
                _builder = new RoundViewBuilder(scenario);
                _grain = null;
                _rounds.Clear();
                _status = RunStatus.Ready;
                _error = null;
            }
            broadcaster.Publish(Status(), null, reset: true);
        }
        finally { _commands.Release(); }
    }

    /// <summary>Runs on from where the run stands; a finished run starts again from round 1.</summary>
    public async Task StartAsync()
    {
        await _commands.WaitAsync();
        try
        {
            if (_status is RunStatus.Running or RunStatus.Empty) return;
            if (_status is RunStatus.Finished or RunStatus.Failed) await ReloadLockedAsync();
            SetStatus(RunStatus.Running);
            _stop = new CancellationTokenSource();
            var token = _stop.Token;
            _loop = Task.Run(() => LoopAsync(token));
        }
        finally { _commands.Release(); }
    }

    public async Task PauseAsync()
    {
        await _commands.WaitAsync();
        try
        {
            if (_status != RunStatus.Running) return;
            await StopLoopAsync();
            if (_status == RunStatus.Running) SetStatus(RunStatus.Paused);
        }
        finally { _commands.Release(); }
    }

    /// <summary>Pauses if running, then runs exactly one round.</summary>
    public async Task StepAsync()
    {
        await _commands.WaitAsync();
        try
        {
            if (_status == RunStatus.Empty) return;
            await StopLoopAsync();
            if (_status is RunStatus.Finished or RunStatus.Failed) await ReloadLockedAsync();
            if (await NextRoundAsync() && _status != RunStatus.Finished) SetStatus(RunStatus.Paused);
        }
        finally { _commands.Release(); }
    }

    public void SetSpeed(double roundsPerSecond)
    {
        lock (_state) _speed = double.IsFinite(roundsPerSecond) ? Math.Clamp(roundsPerSecond, 0, MaxSpeed) : _speed;
        broadcaster.Publish(Status(), null, reset: false);
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            if (!await NextRoundAsync() || _status == RunStatus.Finished) return;
            double speed;
            lock (_state) speed = _speed;
            if (speed <= 0) { next = clock.Elapsed; continue; }
            // Paced from the planned time, not from the round's end, so a slow round does not lower the rate after it.
            next = TimeSpan.FromTicks(Math.Max(next.Ticks + TimeSpan.FromSeconds(1 / speed).Ticks, clock.Elapsed.Ticks - TimeSpan.TicksPerSecond));
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Computes the next round on the grains; false when the run is over or failed.</summary>
    private async Task<bool> NextRoundAsync()
    {
        Scenario scenario;
        int round;
        lock (_state)
        {
            if (_scenario is null || _builder is null || _rounds.Count >= _scenario.Rounds) return false;
            scenario = _scenario;
            round = _rounds.Count + 1;
        }
        try
        {
            if (_grain is null)
            {
                var grain = grains.GetGrain<ISimulationGrain>(_info!.RunId);
                await grain.StartAsync(scenario);
                _grain = grain;
            }
            var report = await _grain.RunRoundAsync(round);
            RoundView view;
            lock (_state)
            {
                view = _builder.Build(report, (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds);
                _rounds.Add(view);
                if (round == scenario.Rounds) _status = RunStatus.Finished;
            }
            broadcaster.Publish(Status(), view, reset: false);
            RoundCompleted?.Invoke(report);
            if (round == scenario.Rounds) Ended?.Invoke(RunStatus.Finished);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "round {Round} failed", round);
            lock (_state) { _status = RunStatus.Failed; _error = $"round {round} failed: {e.GetBaseException().Message}"; }
            broadcaster.Publish(Status(), null, reset: false);
            Ended?.Invoke(RunStatus.Failed);
            return false;
        }
    }

    /// <summary>The same scenario again from round 1, on fresh grains (a run's grains cannot rewind).</summary>
    private Task ReloadLockedAsync()
    {
        var runId = $"live-{_scenario!.Seed}-{Guid.NewGuid():N}";
        lock (_state)
        {
            _info = _info! with { RunId = runId };
            _builder = new RoundViewBuilder(_scenario);
            _grain = null;
            _rounds.Clear();
            _status = RunStatus.Ready;
            _error = null;
        }
        broadcaster.Publish(Status(), null, reset: true);
        return Task.CompletedTask;
    }

    private async Task StopLoopAsync()
    {
        _stop?.Cancel();
        await _loop;
        _stop?.Dispose();
        _stop = null;
    }

    private void SetStatus(RunStatus status)
    {
        lock (_state) _status = status;
        broadcaster.Publish(Status(), null, reset: false);
    }

    private StatusView StatusLocked() =>
        new(_info?.RunId ?? "", _status, _rounds.Count, _scenario?.Rounds ?? 0, _speed, _error);
}
