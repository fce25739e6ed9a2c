using Microsoft.AspNetCore.SignalR;

namespace NegotiationSim.Server.Live;

/// <summary>
/// The page's channel: the server pushes "update" (see <see cref="UpdateBroadcaster"/>); the page calls these to catch
/// up and to command the shared run. Commands answer with the run's status after them.
/// </summary>
public sealed class RunHub(LiveRun run, ScenarioLibrary library) : Hub
{
    public Snapshot Snapshot() => run.Snapshot();

    public IReadOnlyList<ScenarioEntry> Scenarios() => library.Entries();

    /// <summary>Loads a scenario from the library; the answer lists its errors (empty when it loaded).</summary>
    public Task<IReadOnlyList<string>> Load(string file, int? rounds, long? seed) => run.LoadAsync(file, rounds, seed);

    public async Task<StatusView> Start() { await run.StartAsync(); return run.Status(); }

    public async Task<StatusView> Pause() { await run.PauseAsync(); return run.Status(); }

    public async Task<StatusView> Step() { await run.StepAsync(); return run.Status(); }

    public StatusView SetSpeed(double roundsPerSecond) { run.SetSpeed(roundsPerSecond); return run.Status(); }
}
