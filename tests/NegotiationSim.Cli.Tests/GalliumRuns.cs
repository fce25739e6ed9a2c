using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console.Testing;

namespace NegotiationSim.Cli.Tests;

/// <summary>
/// Three finished runs of the six-country gallium world (reference engine, 8 rounds), made once for the report and
/// compare tests: the base case, the same with another seed, and a policy change (the refined floor at 1.5× instead of 1.2×).
/// </summary>
public sealed class GalliumRuns : IAsyncLifetime
{
    public string Base { get; private set; } = "";
    public string OtherSeed { get; private set; } = "";
    public string HigherFloor { get; private set; } = "";
    private string _root = "";

    public async Task InitializeAsync()
    {
        var scenario = Path.Combine(RunCommandTests.Repo(), "tests", "data", "gallium-control.yaml");
        var root = _root = Directory.CreateTempSubdirectory("negsim-runs-").FullName;
        var higher = Path.Combine(root, "higher-floor.yaml");
        await File.WriteAllTextAsync(higher, (await File.ReadAllTextAsync(scenario)).Replace("price_ratio: 1.2", "price_ratio: 1.5"));
        (Base, OtherSeed, HigherFloor) = (Path.Combine(root, "base"), Path.Combine(root, "seed8"), Path.Combine(root, "floor15"));
        await Run("run", scenario, "--out", Base);
        await Run("run", scenario, "--seed", "8", "--out", OtherSeed);
        await Run("run", higher, "--out", HigherFloor);
    }

    private static async Task Run(params string[] args)
    {
        var (exit, output) = await Cli.Invoke([.. args, "--engine", "reference"]);
        if (exit != 0) throw new InvalidOperationException($"negsim {string.Join(' ', args)} failed: {output}");
    }

    /// <summary>A copy of a run folder that a test may damage (removed with the rest at the end).</summary>
    public string Copy(string folder)
    {
        var copy = Directory.CreateDirectory(Path.Combine(_root, "copy-" + Guid.NewGuid().ToString("N"))).FullName;
        foreach (var f in Directory.GetFiles(folder)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        return copy;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition("gallium runs")]
public sealed class GalliumRunsCollection : ICollectionFixture<GalliumRuns>;

/// <summary>negsim as a user calls it, every command on one test console.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Output)> Invoke(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var root = new RootCommand { RunCommand.Create(console), ReportCommand.Create(console), CompareCommand.Create(console) };
        var exit = await UsageErrors.InvokeAsync(root.Parse(args), new InvocationConfiguration());
        return (exit, console.Output);
    }
}
