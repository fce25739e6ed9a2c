using NegotiationSim.Core.Policy;
using NegotiationSim.Scenarios;

namespace NegotiationSim.Server.Live;

/// <summary>A scenario the page can pick, by file name; <see cref="Error"/> says why one cannot be run.</summary>
public sealed record ScenarioEntry(string File, string? Name, string? Question, int Rounds, int Countries, string? Error);

/// <summary>
/// The scenarios the page may run: every *.yaml in one folder, plus a file named on the command line. The page names
/// them by file name only, so a request can never reach a path outside this list.
/// </summary>
public sealed class ScenarioLibrary
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private IReadOnlyList<ScenarioEntry>? _entries;

    public ScenarioLibrary(string? directory, string? extraFile)
    {
        if (directory is not null && Directory.Exists(directory))
            foreach (var f in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
                _paths[Path.GetFileName(f)] = Path.GetFullPath(f);
        if (extraFile is not null) _paths[Path.GetFileName(extraFile)] = Path.GetFullPath(extraFile);
    }

    /// <summary>Every file, loaded once (a base world that is not runnable on its own shows its first error).</summary>
    public IReadOnlyList<ScenarioEntry> Entries()
    {
        lock (_gate)
        {
            return _entries ??= _paths.Select(p => ScenarioLoader.TryLoad(p.Value, out var s, out var errors)
                ? new ScenarioEntry(p.Key, s!.Name, s.Question, s.Rounds, s.World.CountryCount, null)
                : new ScenarioEntry(p.Key, null, null, 0, 0, errors[0].ToString())).ToArray();
        }
    }

    /// <summary>Loads a listed file; errors come back as `file:line:col: message`, never as an exception.</summary>
    public bool TryLoad(string file, out Scenario? scenario, out IReadOnlyList<string> errors)
    {
        scenario = null;
        if (!_paths.TryGetValue(file, out var path))
        {
            errors = [$"{file}: not in the scenario library ({string.Join(", ", _paths.Keys)})"];
            return false;
        }
        var ok = ScenarioLoader.TryLoad(path, out scenario, out var found);
        errors = found.Select(e => e.ToString()).ToArray();
        return ok;
    }
}
