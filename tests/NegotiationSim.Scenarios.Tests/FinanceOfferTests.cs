using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>The `finance:` event: capacity a lender pays for, committed at once or when the recipient joins the bloc.</summary>
public sealed class FinanceOfferTests
{
    private static string WithEvents(string events) => TestFiles.GalliumWith(events, "negsim-finance-");

    private static IReadOnlyList<RoundReport> Run(string file)
    {
        var scenario = ScenarioLoader.Load(file);
        return TestFiles.RunReference(scenario);
    }

    private static double Output(RoundReport r, string country) =>
        r.Rows.Single(x => x.Country == country && x.Mineral == "gallium" && x.Stage == "refined").Output;

    [Fact]
    public void Finance_Unconditional_CapacityArrivesAfterLeadTimeAndOutputRises()
    {
        // Given Japan's small gallium refinery, and an offer of 60 t/yr more arriving two rounds after round 1
        var plain = Run(WithEvents(""));
        var financed = Run(WithEvents("""
              - round: 1
                finance: { lender: USA, country: JPN, mineral: gallium, stage: refined, amount: 150000000, capacity: 60, lead_time: 2 }
            """));

        // Then the money is committed in round 1, output is unchanged before the arrival round and higher from it on
        Assert.Contains(financed[0].Events, e => e.Kind == "finance-committed" && e.Country == "JPN" && e.Reason.Contains("due in round 3"));
        Assert.Equal(Output(plain[1], "JPN"), Output(financed[1], "JPN"), 9);
        Assert.True(Output(financed[3], "JPN") > 2 * Output(plain[3], "JPN"), $"{Output(financed[3], "JPN")} vs {Output(plain[3], "JPN")}");
    }

    [Fact]
    public void Finance_RequiresMembership_CountsInPayoffAndIsPaidWhenTheCountryJoins()
    {
        // Given Korea outside the bloc, offered money that is paid only if it joins
        var rounds = Run(WithEvents("""
              - round: 1
                finance: { lender: USA, country: KOR, mineral: gallium, stage: refined, amount: 5000000000, capacity: 30, lead_time: 3, requires_membership: true }
            """));
        var events = rounds.SelectMany(r => r.Events).ToArray();

        // Then the offer is in Korea's reasons to join, and the money is committed in the round it becomes a member, not before
        var decision = Assert.Single(events, e => e.Kind == "decides-to-join" && e.Country == "KOR");
        Assert.Contains("finance offered on joining", decision.Reason);
        var joined = Assert.Single(events, e => e.Kind == "joined" && e.Country == "KOR");
        var committed = Assert.Single(events, e => e.Kind == "finance-committed" && e.Country == "KOR");
        Assert.Equal(joined.Round, committed.Round);
    }

    [Fact]
    public void Finance_CountryWithoutProduction_ErrorAtTheCountry()
    {
        var file = WithEvents("""
              - round: 1
                finance: { lender: USA, country: USA, mineral: gallium, stage: refined, amount: 1000000, capacity: 10 }
            """);

        Assert.False(ScenarioLoader.TryLoad(file, out _, out var errors));
        var error = Assert.Single(errors);
        Assert.Contains("USA produces no refined gallium", error.Message);
        Assert.True(error.Line > 30, $"line {error.Line}");
    }

    /// <summary>
    /// requires_membership takes the words an editor's schema check reads as true/false; anything else is refused by
    /// the loader, at the value, and by the schema alike.
    /// </summary>
    [Theory]
    [InlineData("true", true)]
    [InlineData("False", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("\"true\"", false)]
    public async Task Finance_RequiresMembership_LoaderAndSchemaAgreeOnTrueFalse(string value, bool accepted)
    {
        var line = $"    finance: {{ lender: USA, country: JPN, mineral: gallium, amount: 1000000, capacity: 10, requires_membership: {value} }}";
        var file = WithEvents($"  - round: 1\n{line}\n");

        var loaded = ScenarioLoader.TryLoad(file, out _, out var errors);
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(TestFiles.Scenarios, "scenario.schema.json")));
        var schemaErrors = schema.Validate(YamlAsJson.Convert(File.ReadAllText(file)));

        Assert.Equal(accepted, loaded);
        Assert.Equal(accepted, schemaErrors.Count == 0);
        if (!accepted)
        {
            var error = Assert.Single(errors);
            Assert.Contains("'requires_membership' must be true or false", error.Message);
            Assert.Equal(File.ReadAllLines(file).Length, error.Line);
            Assert.Equal(line.IndexOf("requires_membership", StringComparison.Ordinal) + "requires_membership: ".Length + 1, error.Column);
        }
    }
}
