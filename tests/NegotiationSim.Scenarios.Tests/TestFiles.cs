using System.Runtime.CompilerServices;

namespace NegotiationSim.Scenarios.Tests;

internal static class TestFiles
{
    public static string Repo { get; } = Find();

    public static string GalliumControl => Path.Combine(Repo, "tests", "data", "gallium-control.yaml");

    public static string Scenarios => Path.Combine(Repo, "scenarios");

    /// <summary>The scenario library and the test worlds: every YAML file under scenarios/ and tests/data/.</summary>
    public static IEnumerable<string> Library() =>
        Directory.GetFiles(Scenarios, "*.yaml").Concat(Directory.GetFiles(Path.Combine(Repo, "tests", "data"), "*.yaml"));

    /// <summary>Runs every round of a scenario on the reference engine.</summary>
    public static IReadOnlyList<NegotiationSim.Core.Reports.RoundReport> RunReference(NegotiationSim.Core.Policy.Scenario scenario)
    {
        var simulation = new NegotiationSim.Core.Engine.Simulation(scenario, new NegotiationSim.Core.Engine.ReferenceHost(scenario));
        return Enumerable.Range(1, scenario.Rounds).Select(t => simulation.RunRoundAsync(t).GetAwaiter().GetResult()).ToArray();
    }

    /// <summary><paramref name="text"/> as scenario.yaml in a new folder; returns its path.</summary>
    public static string Write(string prefix, string text)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory(prefix).FullName, "scenario.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>The gallium test world with <paramref name="events"/> appended to its events list, in a new folder.</summary>
    public static string GalliumWith(string events, string prefix = "negsim-")
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory(prefix).FullName, "scenario.yaml");
        File.WriteAllText(file, File.ReadAllText(GalliumControl) + events);
        return file;
    }

    /// <summary>The errors the loader gives for <paramref name="text"/> written to a scenario file (it must refuse it).</summary>
    public static IReadOnlyList<ScenarioError> ErrorsIn(string text)
    {
        var dir = Directory.CreateTempSubdirectory("negsim-errors-").FullName;
        var path = Path.Combine(dir, "s.yaml");
        File.WriteAllText(path, text);
        try
        {
            Assert.False(ScenarioLoader.TryLoad(path, out _, out var errors));
            return errors;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The errors for the gallium test world with <paramref name="find"/> (which must be there) replaced.</summary>
    public static IReadOnlyList<ScenarioError> ErrorsAfter(string find, string replace)
    {
        var text = File.ReadAllText(GalliumControl);
        Assert.Contains(find, text);
        return ErrorsIn(text.Replace(find, replace));
    }

    private static string Find([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}
