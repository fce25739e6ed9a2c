namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// A Section 232 threat that names a country it cannot apply to (a bloc member, or a country already under a threat)
/// is dropped in the open: the events say so and why, rather than nothing happening.
/// </summary>
public sealed class Section232DroppedTests
{
    [Fact]
    public void Threat_OnAMemberOrOnACountryAlreadyThreatened_IsDroppedWithItsReason()
    {
        // Given Japan a founder of the bloc, and Korea threatened in round 1 (deadline round 4)
        var file = TestFiles.GalliumWith("""
              - round: 2
                section232: { targets: [JPN, KOR, DEU], stages: [refined], rate: 0.5, credibility: 0.9, deadline: 5 }
            """, "negsim-232-dropped-");

        // When
        var events = TestFiles.RunReference(ScenarioLoader.Load(file)).SelectMany(r => r.Events).Where(e => e.Round == 2).ToArray();

        // Then Germany is threatened, and the two others are told as dropped, with why
        Assert.Single(events, e => e.Kind == "section232-threat" && e.Country == "DEU");
        var japan = Assert.Single(events, e => e.Kind == "section232-dropped" && e.Country == "JPN");
        Assert.Equal("US drops its threat on Japan: it is in the bloc", japan.Reason);
        var korea = Assert.Single(events, e => e.Kind == "section232-dropped" && e.Country == "KOR");
        Assert.Equal("US drops a second threat on Korea: one already stands (deadline round 4)", korea.Reason);
        Assert.DoesNotContain(events, e => e.Kind == "section232-threat" && e.Country is "JPN" or "KOR");
    }
}
