namespace NegotiationSim.Scenarios.Tests;

/// <summary>The exit rule's calibration keys: a scenario (or the world file it extends) sets them.</summary>
public sealed class ExitSettingsTests
{
    private static string Write(string settings)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-settings-").FullName, "s.yaml");
        File.WriteAllText(file, File.ReadAllText(TestFiles.GalliumControl).Replace("bloc:\n", settings + "\nbloc:\n"));
        return file;
    }

    [Fact]
    public void Settings_ExitKeys_ReachTheModel()
    {
        var scenario = ScenarioLoader.Load(Write("settings: { marginal_cost_share: 0.75, exit_fraction: 0.25 }"));
        Assert.Equal(0.75, scenario.Settings.MarginalCostShare);
        Assert.Equal(0.25, scenario.Settings.ExitFraction);
    }

    [Fact]
    public void Settings_LibraryWorld_SetsTheMedianPlantCashCost() =>
        Assert.Equal(0.75, ScenarioLoader.Load(Path.Combine(TestFiles.Repo, "scenarios", "baseline-2024.yaml")).Settings.MarginalCostShare);

    [Fact]
    public void Settings_ShareAboveOne_ErrorAtTheValue()
    {
        Assert.False(ScenarioLoader.TryLoad(Write("settings: { marginal_cost_share: 1.5 }"), out _, out var errors));
        Assert.Contains(errors, e => e.Message.Contains("marginal_cost_share") || e.Message.Contains("1.5"));
    }
}
