using System.Runtime.CompilerServices;

namespace NegotiationSim.Scenarios.Tests;

internal static class TestFiles
{
    public static string Repo { get; } = Find();

    public static string GalliumControl => Path.Combine(Repo, "tests", "data", "gallium-control.yaml");

    private static string Find([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}
