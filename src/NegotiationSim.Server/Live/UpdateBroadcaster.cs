using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NegotiationSim.Server.Live;

/// <summary>
/// Batches what happens to the run into at most one push per <see cref="Interval"/> (20 a second): however fast rounds
/// come, a viewer gets every round, in order, without one message per round.
/// </summary>
public sealed class UpdateBroadcaster(IHubContext<RunHub> hub, ILogger<UpdateBroadcaster> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly List<RoundView> _pending = [];
    private StatusView? _status;
    private bool _reset;

    /// <summary>Queues a change; a reset drops queued rounds of the run it replaces and tells viewers to start over.</summary>
    public void Publish(StatusView status, RoundView? round, bool reset)
    {
        lock (_gate)
        {
            if (reset) { _pending.Clear(); _reset = true; }
            if (round is not null) _pending.Add(round);
            _status = status;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Update? update;
                lock (_gate)
                {
                    update = _status is null ? null : new Update(_status, [.. _pending], _reset);
                    _pending.Clear();
                    _status = null;
                    _reset = false;
                }
                if (update is null) continue;
                try { await hub.Clients.All.SendAsync("update", update, stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "push to viewers failed"); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
