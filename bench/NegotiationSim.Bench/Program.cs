using System.Diagnostics;
using NegotiationSim.Cli;
using NegotiationSim.Scenarios;

// Wall time of one scenario on each engine and their ratio, measured in one process run.
var file = args.Length > 0 ? args[0] : Path.Combine("tests", "data", "gallium-control.yaml");
var scenario = ScenarioLoader.Load(file);
await Engines.RunAsync(scenario, EngineKind.Reference); // warm-up (JIT)
var times = new Dictionary<EngineKind, double>();
foreach (var engine in new[] { EngineKind.Reference, EngineKind.Grains })
{
    var sw = Stopwatch.StartNew();
    await Engines.RunAsync(scenario, engine);
    times[engine] = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"{engine,-10} {times[engine]:F3} s  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
}
Console.WriteLine($"grains / reference = {times[EngineKind.Grains] / times[EngineKind.Reference]:F2}");
