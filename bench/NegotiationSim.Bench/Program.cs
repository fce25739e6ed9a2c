using System.Diagnostics;
using System.Globalization;
using NegotiationSim.Bench;
using NegotiationSim.Cli;
using NegotiationSim.Core.Policy;
using NegotiationSim.Scenarios;

// negsim bench: wall time per engine and their ratio in one process run, grain calls per round, peak memory.
//   dotnet run -c Release --project bench/NegotiationSim.Bench -- [scenario.yaml] [--rounds N] [--engines reference,grains]
//   dotnet run -c Release --project bench/NegotiationSim.Bench -- --synthetic 200x12 --rounds 120 --engines reference
//   add --report to also time `negsim report` and `negsim compare` on the first engine's run folder,
//   --out DIR to keep that folder (e.g. to check that a change leaves the bytes as they were)
//   dotnet run -c Release --project bench/NegotiationSim.Bench -- --negotiation [scenario.yaml] [--rounds N] [--sessions N]
var file = Path.Combine("scenarios", "forge-ministerial-2026.yaml");
int? rounds = null;
string? synthetic = null;
var report = false;
string? keep = null;
var negotiation = false;
var sessionCount = 2000;
var engines = new[] { EngineKind.Reference, EngineKind.Grains };
const string usage = "usage: NegotiationSim.Bench [scenario.yaml] [--rounds N] [--engines reference,grains] [--synthetic CxM] [--report] [--out DIR] [--negotiation [--sessions N]]";
Scenario scenario;
try
{
    for (var a = 0; a < args.Length; a++)
    {
        switch (args[a])
        {
            case "--rounds": rounds = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
            case "--synthetic": synthetic = args[++a]; break;
            case "--report": report = true; break;
            case "--out": keep = args[++a]; break;
            case "--negotiation": negotiation = true; break;
            case "--sessions": sessionCount = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
            case "--engines": engines = args[++a].Split(',').Select(e => Enum.Parse<EngineKind>(e, ignoreCase: true)).ToArray(); break;
            case "--help" or "-h": Console.WriteLine(usage); return 0;
            default:
                if (args[a].StartsWith('-')) throw new ArgumentException($"unknown option {args[a]}");
                file = args[a];
                break;
        }
    }
    if (synthetic is not null)
    {
        var parts = synthetic.Split('x').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (parts.Length != 2 || parts[0] < 2 || parts[1] < 1) throw new ArgumentException("--synthetic wants COUNTRIESxMINERALS, e.g. 200x12");
        scenario = SyntheticWorld.Build(parts[0], parts[1], rounds ?? 12, 42);
    }
    else
    {
        scenario = ScenarioLoader.Load(file);
        if (rounds is { } r) scenario = scenario with { Rounds = r };
    }
}
// A mistyped option or a broken scenario is told in one line, not as a stack trace.
catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or OverflowException or ScenarioException)
{
    Console.Error.WriteLine(e is IndexOutOfRangeException ? $"{args[^1]} needs a value" : e.Message);
    Console.Error.WriteLine(usage);
    return 2;
}
Console.WriteLine($"{scenario.Name}: {scenario.World.CountryCount} countries × {scenario.World.Minerals.Count} minerals, {scenario.Rounds} rounds");
if (negotiation)
{
    NegotiationBench.CoreSessions(sessionCount);
    await NegotiationBench.ShareOfRoundTime(scenario, engines.Contains(EngineKind.Grains) ? EngineKind.Grains : engines[0]);
    return 0;
}
var times = new Dictionary<EngineKind, double>();
foreach (var engine in engines)
{
    // With --report the first engine's rounds stream to a run folder as `negsim run` writes them; otherwise each
    // report is dropped once seen, so peak memory is the engine's own.
    var folder = engine != engines[0] ? null : keep ?? (report ? Directory.CreateTempSubdirectory("negsim-bench-report-").FullName : null);
    using var files = folder is null ? null : new RunFiles(folder, scenario);
    var sw = Stopwatch.StartNew();
    var (count, calls) = await Engines.RunAsync(scenario, engine, files is null ? null : files.Add);
    times[engine] = sw.Elapsed.TotalSeconds;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    Console.WriteLine(FormattableString.Invariant(
        $"{engine,-10} {times[engine],8:F2} s  {times[engine] / count,6:F3} s/round  grain calls/round {(double)calls / count,6:F1}  peak working set {peak:F0} MiB"));
    if (files is not null)
    {
        files.Complete();
        if (report) ReportBench.Print(folder!, delete: keep is null);
    }
}
if (times.Count == 2)
{
    // The grains figure includes starting the in-process silo; time a start and stop on its own to separate the two.
    var startup = Stopwatch.StartNew();
    using (var silo = Engines.BuildSilo())
    {
        await silo.StartAsync();
        startup.Stop();
        await silo.StopAsync();
    }
    var g = times[EngineKind.Grains];
    var r = times[EngineKind.Reference];
    Console.WriteLine(FormattableString.Invariant(
        $"grains / reference = {g / r:F2}; silo start-up {startup.Elapsed.TotalSeconds:F2} s; without it {(g - startup.Elapsed.TotalSeconds) / r:F2}"));
}
return 0;
