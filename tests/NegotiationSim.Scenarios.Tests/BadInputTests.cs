using NegotiationSim.Scenarios;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>Broken scenarios are refused before a run, with file, line and what is wrong.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Load_UnknownCountry_ErrorNamesLineAndSuggests()
    {
        var errors = TestFiles.ErrorsAfter("founders: [USA, JPN]", "founders: [USA, JPM]");
        var e = Assert.Single(errors);
        Assert.Contains("unknown country 'JPM' (did you mean 'JPN'?)", e.Message);
        Assert.Equal(36, e.Line);
    }

    [Fact]
    public void Load_UnknownMineral_ErrorNamesIt()
    {
        var errors = TestFiles.ErrorsAfter("{ mineral: gallium, stage: refined, price_ratio: 1.2 }", "{ mineral: galium, stage: refined, price_ratio: 1.2 }");
        Assert.Contains(errors, e => e.Message.Contains("unknown mineral 'galium' (did you mean 'gallium'?)"));
    }

    [Fact]
    public void Load_NegativeCapacity_Refused()
    {
        var errors = TestFiles.ErrorsAfter("consumption:", "capacity:\n  gallium:\n    refined: { CHN: -5 }\nconsumption:");
        var e = Assert.Single(errors);
        Assert.Contains("out of range", e.Message);
        Assert.Contains("CHN", e.Message);
    }

    [Fact]
    public void Load_FloorOnMissingStage_Refused()
    {
        var errors = TestFiles.ErrorsAfter("stage: refined, price_ratio", "stage: smelted, price_ratio");
        Assert.Contains(errors, e => e.Message.Contains("unknown stage 'smelted'"));
    }

    [Fact]
    public void Load_NotYaml_ReportsPositionNoThrow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"negsim-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: [unclosed\n  rounds: 3\n");
        try
        {
            Assert.False(ScenarioLoader.TryLoad(path, out _, out var errors));
            Assert.Contains("not valid YAML", Assert.Single(errors).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
