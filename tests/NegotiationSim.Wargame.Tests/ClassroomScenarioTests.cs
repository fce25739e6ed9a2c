using NegotiationSim.Scenarios;

namespace NegotiationSim.Wargame.Tests;

/// <summary>The scenario's `wargame:` section: what the instructor's file says about pacing and what teams see.</summary>
public sealed class ClassroomScenarioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-classroom-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ClassroomScenario_SaysHowTheClassPlays()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(WargameServer.Repo(), "scenarios", "classroom-wargame.yaml"));
        var c = Assert.IsType<Core.Policy.ClassroomSettings>(scenario.Classroom);
        Assert.Equal((600, true, 12), (c.RoundSeconds, c.ComputerFillsIn, c.Rounds));
        Assert.NotNull(scenario.Negotiation);
        Assert.Equal(13, scenario.Rounds);
    }

    [Fact]
    public void BadWargameSection_ListsEveryErrorWhereItIs()
    {
        File.Copy(Path.Combine(WargameServer.Repo(), "tests", "data", "gallium-control.yaml"), Path.Combine(_dir, "gallium-control.yaml"));
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, "name: bad\nextends: gallium-control.yaml\nwargame:\n  on_timeout: later\n  round_seconds: 5\n  colour: red\n");
        Assert.False(ScenarioLoader.TryLoad(path, out _, out var errors));
        var text = errors.Select(e => e.ToString()).ToList();
        Assert.Contains(text, e => e.Contains("bad.yaml:4:15") && e.Contains("on_timeout must be computer"));
        Assert.Contains(text, e => e.Contains("bad.yaml:5:") && e.Contains("round_seconds"));
        Assert.Contains(text, e => e.Contains("bad.yaml:6:3") && e.Contains("unknown key 'colour'"));
    }
}
