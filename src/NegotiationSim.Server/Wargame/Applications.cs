using NegotiationSim.Core.Reports;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>An application to join the bloc that the members vote on this round, with the votes teams have cast so far.</summary>
/// <param name="WorthToMe">What admitting the applicant is worth to the viewing team's country, $/month (null for the instructor).</param>
/// <param name="MyVote">"admit" or "refuse" as the viewing team voted; null if it has not.</param>
/// <param name="Votes">For the instructor: each team-played member's vote so far ("admit", "refuse"); members the computer plays vote when the round closes.</param>
public sealed record ApplicationView(string Applicant, string Name, string Reason, double? WorthToMe, string? MyVote,
    IReadOnlyDictionary<string, string> Votes);

/// <summary>
/// Applications to join a bloc that admits by vote. A country applies in simulated round r (the world teams see during
/// game round r); the members vote during game round r, and their votes are cast in simulated round r + 1's bloc phase.
/// </summary>
public static class Applications
{
    /// <summary>Applications made in the round the teams see now, in country order.</summary>
    public static IReadOnlyList<RunEvent> Pending(WargameSession s) =>
        s.Scenario.Bloc?.AdmissionRule.Votes != true || s.Reports.Count == 0 || s.Game.Phase == GamePhase.Ended ? []
            : s.Reports[^1].Events.Where(e => e.Kind == "applies-to-join").OrderBy(e => e.Country, StringComparer.Ordinal).ToArray();

    /// <summary>The bloc's members in the round the teams see now.</summary>
    public static bool IsMember(WargameSession s, string country) => s.Reports.Count > 0 && s.Reports[^1].Members.Contains(country);

    /// <summary>Why a team's country cannot vote on <paramref name="applicant"/> now; null if it can.</summary>
    public static string? CheckVote(WargameSession s, string country, string applicant)
    {
        if (s.Scenario.Bloc?.AdmissionRule.Votes != true) return "this bloc admits without a vote";
        if (!IsMember(s, country)) return $"only members of the bloc vote; {country} is not a member";
        return Pending(s).Any(e => e.Country == applicant) ? null : $"{applicant} has no application before the bloc this round";
    }

    public static IReadOnlyList<ApplicationView> For(WargameSession s, string? country)
    {
        var votes = s.Game.Votes;
        // A member's team reads the application as news: why the applicant applied (and whether a team did) is its own.
        var news = new PublicNews(s.Scenario);
        return Pending(s).Select(e =>
        {
            var last = votes.Where(v => v.Applicant == e.Country).GroupBy(v => v.Country)
                .ToDictionary(g => g.Key, g => g.Last().Admit ? "admit" : "refuse", StringComparer.Ordinal);
            double? worth = country is not null && s.AdmissionWorth.TryGetValue(e.Country, out var w) ? w[s.World.CountryIndex(country)] : null;
            return new ApplicationView(e.Country, s.World.CountryName(e.Country),
                country is null ? e.Reason : news.Tell(e).Reason, worth,
                country is not null && last.TryGetValue(country, out var mine) ? mine : null,
                country is null ? last : new Dictionary<string, string>());
        }).ToArray();
    }
}
