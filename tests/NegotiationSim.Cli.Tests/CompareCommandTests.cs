namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim compare`: "what did this policy change?" for two run folders.</summary>
[Collection("gallium runs")]
public sealed class CompareCommandTests(GalliumRuns runs)
{
    [Fact]
    public async Task Compare_RunWithItself_NoDifferences()
    {
        var (exit, output) = await Cli.Invoke("compare", runs.Base, runs.Copy(runs.Base));
        Assert.Equal(0, exit);
        Assert.Contains("No differences in prices, bloc membership, welfare, supply security or events.", output);
    }

    [Fact]
    public async Task Compare_HigherFloor_ShowsTheFloorMoveAndWritesHtml()
    {
        // Given
        var html = Path.Combine(runs.Copy(runs.Base), "what-changed.html");

        // When
        var (exit, output) = await Cli.Invoke("compare", runs.Base, runs.HigherFloor, "--html", html);

        // Then: the floor itself, and prices in the bloc it holds up, differ
        Assert.Equal(0, exit);
        Assert.Contains("360,000 → 450,000 (+25.0 %)", output);
        Assert.Contains("Prices, $/t, last month (A → B)", output);
        Assert.Contains("Welfare change vs base year", output);
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("What changed between two runs", page);
        Assert.Contains("<td class=\"n\">360,000</td><td class=\"n\">450,000</td>", page);
        Assert.Contains("<svg", page);
        Assert.DoesNotContain("http", page);
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public async Task Compare_OtherSeed_ShowsTheSeedAndWhatMoved()
    {
        var (exit, output) = await Cli.Invoke("compare", runs.Base, runs.OtherSeed);
        Assert.Equal(0, exit);
        Assert.Matches(@"│ seed\s+│ 7\s+│ 8\s+│", output);
        Assert.DoesNotContain("No differences", output);
    }

    [Fact]
    public async Task Compare_BrokenSecondRun_NamesTheFileNoStackTrace()
    {
        // Given
        var broken = runs.Copy(runs.HigherFloor);
        var prices = Path.Combine(broken, "prices.csv");
        var text = await File.ReadAllTextAsync(prices);
        await File.WriteAllTextAsync(prices, text[..(text.Length / 2)]); // cut mid-line, as a full disk would

        // When
        var (exit, output) = await Cli.Invoke("compare", runs.Base, broken);

        // Then
        Assert.Equal(1, exit);
        Assert.Contains("prices.csv:", output);
        Assert.DoesNotContain("   at ", output);
    }
}
