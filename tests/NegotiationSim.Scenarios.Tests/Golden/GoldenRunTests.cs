using System.Text;

namespace NegotiationSim.Scenarios.Tests.Golden;

/// <summary>
/// One golden run per library scenario: its own seed, the reference engine, the compact summary compared with
/// golden/&lt;scenario&gt;.txt. When the model changes on purpose, regenerate every file with
/// <c>NEGSIM_UPDATE_GOLDEN=1 dotnet test tests/NegotiationSim.Scenarios.Tests -c Release --filter GoldenRunTests</c>
/// and review the diff in git.
/// </summary>
public sealed class GoldenRunTests
{
    public static TheoryData<string> Library =>
    [
        "baseline-2024", "gallium-germanium-controls-2023", "china-rare-earth-controls-2025", "section232-ultimatum-2026",
        "forge-ministerial-2026", "project-vault", "predatory-flood", "classroom-wargame",
    ];

    [Theory]
    [MemberData(nameof(Library))]
    public async Task LibraryScenario_FixedSeed_MatchesGoldenSummary(string name)
    {
        var (scenario, rounds) = LibraryRuns.Get(name);
        var actual = GoldenSummary.Write(scenario, rounds);

        var file = Path.Combine(TestFiles.Repo, "tests", "NegotiationSim.Scenarios.Tests", "Golden", "golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("NEGSIM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, actual);
            return;
        }
        Assert.True(File.Exists(file), $"no golden file {file}; create it with NEGSIM_UPDATE_GOLDEN=1 (see {nameof(GoldenRunTests)})");
        var expected = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        if (expected != actual) Assert.Fail(Diff(name, expected, actual));
    }

    /// <summary>The differing lines, golden first, so a reviewer sees what moved without opening files.</summary>
    private static string Diff(string name, string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var s = new StringBuilder($"{name}: the run no longer matches golden/{name}.txt (if intended, regenerate with NEGSIM_UPDATE_GOLDEN=1)\n");
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 40; i++)
        {
            var x = i < a.Length ? a[i] : "<missing>";
            var y = i < b.Length ? b[i] : "<missing>";
            if (x == y) continue;
            s.Append("line ").Append(i + 1).Append('\n').Append("  golden: ").Append(x).Append('\n').Append("  actual: ").Append(y).Append('\n');
            shown++;
        }
        if (a.Length != b.Length) s.Append($"golden has {a.Length} lines, actual {b.Length}\n");
        return s.ToString();
    }
}
