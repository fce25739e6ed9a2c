using System.Net;
using System.Net.Http.Json;
using NegotiationSim.Core.Engine;
using NegotiationSim.Scenarios;
using NegotiationSim.Server.Live;

namespace NegotiationSim.Server.Tests;

/// <summary>The HTTP API as a script or a curl user drives it: the library, loading, stepping, and refusals with reasons.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class RunApiTests(LiveHost host)
{
    [Fact]
    public async Task Scenarios_ListsTheLibraryAndTheNamedFile_WithNamesAndRounds()
    {
        // When
        var list = await host.Http.GetFromJsonAsync<ScenarioEntry[]>("/api/scenarios", LiveHost.Json);

        // Then
        var forge = Assert.Single(list!, s => s.File == "forge-ministerial-2026.yaml");
        Assert.Equal("FORGE Ministerial 2026", forge.Name);
        Assert.Equal(36, forge.Rounds);
        var gallium = Assert.Single(list!, s => s.File == "gallium-control.yaml");
        Assert.Equal(8, gallium.Rounds);
        Assert.Null(gallium.Error);
    }

    [Theory]
    [InlineData("{\"scenario\":\"no-such.yaml\"}", "no-such.yaml: not in the scenario library")]
    [InlineData("{\"scenario\":\"../../etc/passwd\"}", "not in the scenario library")]
    [InlineData("{\"scenario\":\"gallium-control.yaml\",\"rounds\":0}", "rounds must be between 1 and 1200")]
    [InlineData("{}", "body must name a scenario file")]
    public async Task Load_BadRequest_Returns400SayingWhatIsWrong(string body, string expected)
    {
        // When
        var response = await host.Http.PostAsync("/api/run/load", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Step_ThreeTimes_SnapshotHoldsThreeRoundsThatMatchTheReferenceEngine()
    {
        // Given: the same scenario run on the plain core, round by round
        Assert.True(ScenarioLoader.TryLoad(Path.Combine(LiveHost.Repo(), "tests", "data", "gallium-control.yaml"), out var scenario, out _));
        var simulation = new Simulation(scenario!, new ReferenceHost(scenario!));
        var expected = new List<NegotiationSim.Core.Reports.RoundReport>();
        for (var t = 1; t <= 3; t++) expected.Add(await simulation.RunRoundAsync(t));

        // When
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/run/load", new { scenario = "gallium-control.yaml" })).StatusCode);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/run/step")).StatusCode);
        var snapshot = await host.SnapshotAsync();

        // Then: paused after three rounds, and what the page draws is what the model reported
        Assert.Equal(RunStatus.Paused, snapshot.Status.Status);
        Assert.Equal([1, 2, 3], snapshot.Rounds.Select(r => r.Round));
        var us = snapshot.Info!.Countries.Select(c => c.Id).ToList().IndexOf("USA");
        var china = snapshot.Info.Countries.Select(c => c.Id).ToList().IndexOf("CHN");
        foreach (var (view, report) in snapshot.Rounds.Zip(expected))
        {
            Assert.Equal(report.Month, view.Month);
            Assert.Equal(report.Members, view.Members);
            var refined = report.Prices.Single(p => p.Stage == "refined");
            var shown = view.Prices.Single(p => p.Stage == "refined");
            Assert.Equal(refined.Member, shown.Member);
            Assert.Equal(refined.China, shown.China);
            Assert.Equal(refined.Floor, shown.Floor);
            Assert.Equal(report.Security[0].UsImportReliance, view.ImportReliance[us][0]!.Value, 12);
            Assert.Equal(report.Security[0].ChinaShare, view.RefinedShare[china][0]!.Value, 12);
            Assert.Equal(report.Deals.Select(d => (d.Id, d.Status, d.Volume, d.ContractPrice)), view.Deals.Select(d => (d.Id, d.Status, d.Volume, d.ContractPrice)));
            Assert.Equal(report.Controls.Select(c => (c.Exporter, c.Scope == "all" ? "*" : string.Join(",", c.Targets))),
                view.Links.Where(l => l.Kind == "control").GroupBy(l => l.From).Select(g => (g.Key, string.Join(",", g.Select(l => l.To)))));
        }
        // The licence announced in round 2 (on every other country) is drawn from China while it stands.
        Assert.Contains(snapshot.Rounds[2].Links, l => l.Kind == "control" && l.From == "CHN" && l.To == "*");
        Assert.Contains(snapshot.Rounds[0].Links, l => l.Kind == "threat" && l.From == "USA" && l.To == "KOR");
    }

    [Fact]
    public async Task Speed_OutOfRange_IsClampedAndReported()
    {
        // Given
        await host.PostAsync("/api/run/load", new { scenario = "gallium-control.yaml" });

        // When
        var response = await host.PostAsync("/api/run/speed", new { roundsPerSecond = 1e6 });

        // Then
        var status = await response.Content.ReadFromJsonAsync<StatusView>(LiveHost.Json);
        Assert.Equal(LiveRun.MaxSpeed, status!.Speed);
    }
}
