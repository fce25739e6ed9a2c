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

    /// <summary>
    /// A line diff (longest common subsequence), "-" for golden lines that went, "+" for lines that came, each with
    /// its line number, so one inserted event shows as one line rather than shifting everything after it.
    /// </summary>
    private static string Diff(string name, string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        var s = new StringBuilder($"{name}: the run no longer matches golden/{name}.txt (if intended, regenerate with NEGSIM_UPDATE_GOLDEN=1)\n");
        var shown = 0;
        int x = 0, y = 0;
        while ((x < a.Length || y < b.Length) && shown < 60)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { x++; y++; continue; }
            if (y < b.Length && (x == a.Length || common[x, y + 1] > common[x + 1, y]))
                s.Append($"+ {y + 1,4}: {b[y++]}\n");
            else
                s.Append($"- {x + 1,4}: {a[x++]}\n");
            shown++;
        }
        if (shown == 60) s.Append("... (more differences)\n");
        return s.ToString();
    }
}
