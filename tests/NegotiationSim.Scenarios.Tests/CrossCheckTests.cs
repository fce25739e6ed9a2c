namespace NegotiationSim.Scenarios.Tests;

/// <summary>Checks across keys and units: shares that must add up, events outside the run, ids, unit slips, broken text.</summary>
public sealed class CrossCheckTests
{
    [Fact]
    public void Load_ConsumptionSharesNotAddingUp_ErrorOnThatMarket()
    {
        var errors = TestFiles.ErrorsAfter("refined: { CHN: 0.5, JPN: 0.2,", "refined: { CHN: 0.6, JPN: 0.2,");
        var e = Assert.Single(errors);
        Assert.Contains("consumption shares of gallium at stage refined add up to 1.1, not 1", e.Message);
        Assert.Equal(32, e.Line);
    }

    [Fact]
    public void Load_CapacityBelowProduction_ErrorOnTheCapacity()
    {
        var errors = TestFiles.ErrorsAfter("consumption:", "capacity:\n  gallium:\n    refined: { JPN: 20, CHN: 500 }\nconsumption:");
        var e = Assert.Single(errors);
        Assert.Equal("capacity of CHN for gallium at stage refined is 500 t/yr, below its production of 745 t/yr", e.Message);
        Assert.Equal((31, 30), (e.Line, e.Column));
    }

    [Fact]
    public void Load_ShareWrittenAsPercent_SaysWhatToWrite()
    {
        var errors = TestFiles.ErrorsAfter("rate: 0.25, credibility", "rate: 25%, credibility");
        Assert.Contains(errors, e => e.Message.Contains("write 0.25, not 25%"));
    }

    [Fact]
    public void Load_ShareOverOne_SuggestsTheFraction()
    {
        var errors = TestFiles.ErrorsAfter("leakage: 0.1,", "leakage: 15,");
        Assert.Contains(errors, e => e.Message.Contains("'leakage' is 15, out of range [0, 1]") && e.Message.Contains("did you mean 0.15?"));
    }

    [Fact]
    public void Load_QuantityWithUnitSuffix_Refused()
    {
        var errors = TestFiles.ErrorsAfter("refined: { CHN: 745,", "refined: { CHN: 745 kt,");
        Assert.Contains(errors, e => e.Message.Contains("'production of CHN' must be a number") && e.Message.Contains("without a unit after it ('kt')"));
    }

    [Fact]
    public void Load_ControlEffectiveAfterLastRound_Refused()
    {
        var errors = TestFiles.ErrorsAfter("effective: 3,", "effective: 9,");
        Assert.Contains(errors, e => e.Message == "the control takes effect in round 9, after the last round (8)");
    }

    [Fact]
    public void Load_SuspensionBeforeItsControl_Refused()
    {
        var errors = TestFiles.ErrorsAfter("  - round: 1\n    section232", "  - round: 1\n    suspend_control: { id: ga-licence }\n  - round: 1\n    section232");
        var e = Assert.Single(errors);
        Assert.Contains("suspend_control of 'ga-licence' in round 1 comes before the control is announced (round 2)", e.Message);
        Assert.Equal(45, e.Line);
    }

    [Fact]
    public void Load_TwoControlsOneId_Refused()
    {
        var text = File.ReadAllText(TestFiles.GalliumControl);
        var control = text.Split('\n').First(l => l.Contains("export_control:"));
        var errors = TestFiles.ErrorsIn(text + "  - round: 4\n" + control + "\n");
        Assert.Contains(errors, e => e.Message.Contains("export_control id 'ga-licence' is already used") && e.Line == 47);
    }

    [Fact]
    public void Load_ThreatWithoutTargets_Refused()
    {
        // Without targets the threat would name nobody and do nothing: say so instead of running it.
        var errors = TestFiles.ErrorsAfter("section232: { targets: [KOR], ", "section232: { ");
        Assert.Contains(errors, e => e.Message == "missing 'targets'" && e.Line == 45);
    }

    [Fact]
    public void Load_FloorWithPriceAndRatio_Refused()
    {
        var errors = TestFiles.ErrorsAfter("price_ratio: 1.2 }", "price_ratio: 1.2, price: 400000 }");
        Assert.Contains(errors, e => e.Message == "floor: give 'price' or 'price_ratio', not both");
    }

    [Theory]
    [InlineData("", "a scenario must be a YAML mapping")]
    [InlineData("name: a\nname: b\n", "not valid YAML")]
    [InlineData("name: a\n\trounds: 3\n", "indent with spaces")]
    [InlineData("rounds: 1e999\n", "'rounds' must be a number")]
    public void Load_BrokenText_OnePositionedError(string text, string expected)
    {
        var errors = TestFiles.ErrorsIn(text);
        Assert.Contains(errors, e => e.Message.Contains(expected) && e.Line >= 1 && e.Column >= 1);
    }

    [Fact]
    public void Load_DeepNesting_RefusedWithoutCrashing()
    {
        var errors = TestFiles.ErrorsIn("name: " + new string('[', 100_000));
        var e = Assert.Single(errors);
        Assert.Contains("nested more than 64 levels deep", e.Message);
        Assert.Equal((1, 70), (e.Line, e.Column));
    }

    [Fact]
    public void Load_BinaryFile_PositionedErrorNoThrow()
    {
        var dir = Directory.CreateTempSubdirectory("negsim-bin-").FullName;
        var path = Path.Combine(dir, "s.yaml");
        var bytes = new byte[3000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        Assert.False(ScenarioLoader.TryLoad(path, out _, out var errors));
        Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
        Assert.NotEmpty(errors);
        Directory.Delete(dir, recursive: true);
    }
}
