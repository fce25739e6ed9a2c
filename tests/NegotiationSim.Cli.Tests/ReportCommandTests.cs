using System.Text.RegularExpressions;

namespace NegotiationSim.Cli.Tests;

/// <summary>`negsim report`: one page an analyst can mail and open offline, with every section, and no trust in the data's strings.</summary>
[Collection("gallium runs")]
public sealed class ReportCommandTests(GalliumRuns runs)
{
    [Fact]
    public async Task Report_GalliumRun_OnePageWithEverySectionAndNothingToFetch()
    {
        // Given
        var folder = runs.Copy(runs.Base);

        // When
        var (exit, output) = await Cli.Invoke("report", folder);

        // Then
        Assert.Equal(0, exit);
        Assert.Contains("report written to", output);
        var page = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
        foreach (var section in new[] { "Prices with floors", "Bloc membership over time", "Flows between the main countries", "Welfare by country", "Supply security", "Event timeline, with reasons" })
            Assert.Contains(section, page);
        Assert.Contains("gallium, refined", page);                 // a price chart per market …
        Assert.Contains("<title>floor</title>", page);             // … with the floor drawn where there is one
        Assert.Contains("Licence on Gallium (refined)", page);     // the event's reason
        Assert.Contains("US names Korea", page);
        Assert.Contains("prefers-color-scheme: dark", page);
        Assert.DoesNotContain("http", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("src=", page);
        Assert.DoesNotContain("url(", page);
        Assert.All(Regex.Matches(page, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.True(href.StartsWith('#') || href == "data:,", href));
        foreach (var tag in new[] { "svg", "table", "figure", "details", "tr", "h2" })
            Assert.Equal(Regex.Count(page, $"<{tag}[ >]"), Regex.Count(page, $"</{tag}>"));
    }

    [Fact]
    public async Task Report_MarkupInTheData_IsShownAsText()
    {
        // Given: a reason and a deal term that are HTML
        var folder = runs.Copy(runs.Base);
        var events = Path.Combine(folder, "events.csv");
        await File.WriteAllTextAsync(events, (await File.ReadAllTextAsync(events)).Replace("US names Korea", "<script>alert('x')</script> & <b>Korea</b>"));
        await File.WriteAllTextAsync(Path.Combine(folder, "deals.csv"), "round,parties,terms\n3,USA+KOR,\"offtake <img src=x onerror=alert(1)>, 5 years\"\n");
        var html = Path.Combine(folder, "elsewhere.html");

        // When
        var (exit, _) = await Cli.Invoke("report", folder, "--html", html);

        // Then
        Assert.Equal(0, exit);
        var page = await File.ReadAllTextAsync(html);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Korea&lt;/b&gt;", page);
        Assert.Contains("<h2 id=\"deals\">Deals</h2>", page);
        Assert.Contains("offtake &lt;img src=x onerror=alert(1)&gt;, 5 years", page);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "summary.json", "", "summary.json:1:1: not valid summary JSON" },
        { "summary.json", "{\"scenario\": \"x\", \"rounds\": ", "summary.json:1:" },
        { "prices.csv", "round,month,mineral\n1,2023-06,gallium\n", "prices.csv:1: missing column(s) stage, member_price" },
        { "membership.csv", "round,month,country,member\n1,2023-06,CHN,0\n1,2023-06,USA", "membership.csv:3: expected 4 fields, found 3 (truncated file?)" },
        { "flows.csv", "round,month,mineral,stage,origin,destination,tonnes,delivered_price\n1,2023-06,gallium,ore,CHN,JPN,lots,5\n", "flows.csv:2: tonnes 'lots' is not a number" },
        { "events.csv", "round,month,kind,country,mineral,stage,value,reason\n99,2023-06,flood,CHN,,,1,x\n", "events.csv: round 99 is outside 1..8" },
        { "stability.csv", "round,month,internally_stable\n1,\"2023-06", "stability.csv:2: a quoted field is never closed" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Report_BrokenFile_SaysWhichFileAndWhatIsWrong(string file, string content, string expected)
    {
        // Given
        var folder = runs.Copy(runs.Base);
        await File.WriteAllTextAsync(Path.Combine(folder, file), content);

        // When
        var (exit, output) = await Cli.Invoke("report", folder);

        // Then
        Assert.Equal(1, exit);
        Assert.Contains(expected, output.Replace("\n", ""));
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public async Task Report_MissingFolderOrFile_ClearError()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "negsim-no-such-run-" + Guid.NewGuid().ToString("N"));
        var (exit, output) = await Cli.Invoke("report", nowhere);
        Assert.Equal(1, exit);
        Assert.Contains("no such folder", output);

        var folder = runs.Copy(runs.Base);
        File.Delete(Path.Combine(folder, "flows.csv"));
        (exit, output) = await Cli.Invoke("report", folder);
        Assert.Equal(1, exit);
        Assert.Contains("missing flows.csv", output);
    }
}
