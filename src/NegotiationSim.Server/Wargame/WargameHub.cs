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
/// Tells every viewer when an input took effect, and closes rounds whose timer ran out. Hosted services are all built
/// before any starts, so it asks the opener for the session (open by then) when it runs.
/// </summary>
internal sealed class WargamePulse(WargameOpener opener, IHubContext<WargameHub> hub) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var session = opener.Session;
        session.Changed += s => _ = hub.Clients.All.SendAsync("changed", WargameViews.Clock(s), stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await session.TickAsync();
        }
        catch (OperationCanceledException) { }
    }
}
