using NegotiationSim.Core.Policy;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>The `wargame:` section's information rules: read into <see cref="InformationRules"/>, refused where wrong, with the allowed values.</summary>
public sealed class InformationRulesLoaderTests
{
    /// <summary>The gallium test world with a `wargame:` section; the section starts on the returned line.</summary>
    private static (string Text, int Line) WithWargame(string section)
    {
        var text = File.ReadAllText(TestFiles.GalliumControl);
        Assert.EndsWith("\n", text);
        return (text + "wargame:\n" + section, text.Count(c => c == '\n') + 1);
    }

    [Fact]
    public void Rules_AreRead_AndAnOverrideKeepsTheSectionsOtherRules()
    {
        var (text, _) = WithWargame("  teams_see: partners\n  partner_share: 0.2\n  others_delay: 2\n  deal_terms: public\n" +
            "  intelligence:\n    USA: { teams_see: all }\n    JPN: { others_delay: 0, offers: public }\n");
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-info-").FullName, "s.yaml");
        File.WriteAllText(file, text);
        var rules = ScenarioLoader.Load(file).Classroom!.Sight;
        Assert.Equal(new CountrySight(TeamsSee.Partners, 0.2, 2, Disclosure.Public, Disclosure.Parties), rules.Default);
        Assert.Equal(rules.Default with { TeamsSee = TeamsSee.All }, rules.For("USA"));
        Assert.Equal(rules.Default with { OthersDelay = 0, Offers = Disclosure.Public }, rules.For("JPN"));
        Assert.Equal(rules.Default, rules.For("KOR"));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void NoRules_KeepTodaysOwnRule()
    {
        var (text, _) = WithWargame("  round_seconds: 300\n");
        var file = Path.Combine(Directory.CreateTempSubdirectory("negsim-info-").FullName, "s.yaml");
        File.WriteAllText(file, text);
        var rules = ScenarioLoader.Load(file).Classroom!.Sight;
        Assert.Equal(new CountrySight(TeamsSee.Own, 0.1, 0, Disclosure.Parties, Disclosure.Parties), rules.Default);
        Assert.Empty(rules.Intelligence);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void BadValues_AreEachRefusedWhereTheyAre_WithTheAllowedValues()
    {
        var (text, n) = WithWargame(
            "  teams_see: everyone\n" +                          // n + 1
            "  partner_share: 1.5\n" +                            // n + 2
            "  others_delay: 30\n" +                              // n + 3
            "  deal_terms: secret\n" +                            // n + 4
            "  intelligence:\n" +                                 // n + 5
            "    USB: { teams_see: all }\n" +                     // n + 6
            "    JPN: { teams_see: sideways, others_delay: -1, spies: 3 }\n"); // n + 7
        var errors = TestFiles.ErrorsIn(text).Select(e => e.ToString()).ToList();
        void Has(int line, int column, string what) =>
            Assert.True(errors.Any(e => e.Contains($"s.yaml:{line}:{column}") && e.Contains(what)), $"no '{what}' at {line}:{column} in:\n{string.Join("\n", errors)}");
        Has(n + 1, 14, "teams_see must be own (their country's rows only), partners, bloc or all, not 'everyone'");
        Has(n + 2, 18, "'partner_share' is 1.5, out of range [0, 1]");
        Has(n + 3, 17, "'others_delay' is 30, out of range [0, 24]");
        Has(n + 4, 15, "deal_terms must be parties (others see only that a deal was signed) or public, not 'secret'");
        Has(n + 6, 5, "unknown country 'USB' (did you mean 'USA'?)");
        Has(n + 7, 23, "teams_see must be own (their country's rows only), partners, bloc or all, not 'sideways'");
        Has(n + 7, 47, "'others_delay' is -1, out of range [0, 24]");
        Has(n + 7, 51, "unknown key 'spies'");
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void ClassroomScenario_PartnersAtTenPercent_AMonthLate_TheUsAndChinaSeeAll()
    {
        var rules = ScenarioLoader.Load(Path.Combine(TestFiles.Scenarios, "classroom-wargame.yaml")).Classroom!.Sight;
        Assert.Equal(new CountrySight(TeamsSee.Partners, 0.1, 1), rules.Default);
        Assert.Equal(TeamsSee.All, rules.For("USA").TeamsSee);
        Assert.Equal(TeamsSee.All, rules.For("CHN").TeamsSee);
        Assert.Equal(1, rules.For("USA").OthersDelay);
        Assert.Equal(TeamsSee.Partners, rules.For("JPN").TeamsSee);
    }
}
