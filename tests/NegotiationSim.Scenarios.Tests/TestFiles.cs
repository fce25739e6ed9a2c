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

    private static string Find([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}
