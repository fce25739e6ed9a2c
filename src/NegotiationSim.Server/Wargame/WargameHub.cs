using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The war-game's push channel. It carries no secrets: only "changed" with the clock (round, phase, version), after
/// which each page fetches what its key or code lets it see.
/// </summary>
public sealed class WargameHub(WargameSession session) : Hub
{
    public ClockView Clock() => WargameViews.Clock(session);
}

/// <summary>
/// Tells every viewer when an input took effect, closes rounds whose timer ran out and keeps the host's heartbeat. Hosted services are all built
/// before any starts, so it asks the opener for the session (open by then) when it runs.
/// </summary>
internal sealed class WargamePulse(WargameOpener opener, IHubContext<WargameHub> hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var session = opener.Session;
        session.Changed += s => _ = hub.Clients.All.SendAsync("changed", WargameViews.Clock(s), stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var ticks = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await session.TickAsync();
                // Every 2 s: how long a restart finds the host was down, to the nearest beat.
                if (++ticks % 8 == 0)
                {
                    try { session.Heartbeat(); }
                    catch (IOException) { } // a full disk stops the beat, not the class; the journal's times remain
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
