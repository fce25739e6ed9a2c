using System.Globalization;
using System.Text.RegularExpressions;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Wargame;

/// <summary>
/// Another country's event as the news would report it: what happened and when it takes effect, never why. The engine's
/// reason for an event weighs the decider's own payoffs ("in beats out by 6.611E+06 $/month: security of supply …"), a
/// member's ballot, a joiner's dependence on China, a threat's credibility or a flood's motive; and "the team's decision"
/// or "agreed by people" would tell a team's seat from the computer's. A team reads those only about its own country.
/// </summary>
public sealed partial class PublicNews(Scenario scenario)
{
    /// <summary>The engine's reason for a bloc move a team made (Simulation.Directives): its timing counts from the round before.</summary>
    private const string TeamsDecision = "the team's decision";

    private string Bloc => scenario.Bloc?.Name ?? "the bloc";

    /// <summary>The public form of <paramref name="e"/>, an event about a country other than the reader's.</summary>
    public RunEvent Tell(RunEvent e)
    {
        var who = Name(e.Country);
        return e.Kind switch
        {
            "decides-to-join" => Fact(e, $"{who} decided to join {Bloc}; it takes effect in {Month(Decided(e) + Math.Max(1, scenario.Bloc?.NoticeJoin ?? 1))}"),
            "decides-to-leave" => Fact(e, $"{who} decided to leave {Bloc}; it takes effect in {Month(Decided(e) + Math.Max(1, scenario.Bloc?.NoticeLeave ?? 1))}"),
            "applies-to-join" => Fact(e, $"{who} applied to join {Bloc}; member teams vote on it now; the votes are counted in {Month(e.Round + 1)}"),
            "votes-to-admit" => Fact(e, $"{who} voted to admit {Applicant(e)}"),
            "votes-to-refuse" => Fact(e, $"{who} voted to refuse {Applicant(e)}"),
            "abstains" => Fact(e, $"{who} did not vote on {Applicant(e)}"),
            "section232-threat" => e with { Reason = Credibility().Replace(e.Reason, "") },
            "export-control-announced" when Dependence().IsMatch(e.Reason) => Fact(e, Dependence().Replace(e.Reason, "")),
            "export-control-announced" => e with { Reason = Leakage().Replace(e.Reason, "") },
            "flood" => e with { Reason = $"{who} subsidises exports of {e.Stage} {MineralName(e.Mineral)} by {Percent(e.Value)}{Duration(e.Reason)}" },
            "deal-signed" => e with { Reason = DealTerms(e.Reason) },
            // What was ordered and when it comes is visible (a plant is built in the open); the expected value added is not.
            "invest" => e with { Reason = Due().Match(e.Reason) is { Success: true } m
                ? $"{who} orders new {e.Stage} {MineralName(e.Mineral)} capacity: +{m.Groups["t"].Value} t/month, due in {Month(int.Parse(m.Groups["r"].Value, CultureInfo.InvariantCulture))}"
                : $"{who} orders new {e.Stage} {MineralName(e.Mineral)} capacity" },
            _ => e,
        };
    }

    /// <summary>The round a bloc move counts from: the round it is reported in, or the round before for a team's (its game round).</summary>
    private static int Decided(RunEvent e) => e.Reason == TeamsDecision ? e.Round - 1 : e.Round;

    /// <summary>The fact alone: the decider's weighed payoff is its own business.</summary>
    private static RunEvent Fact(RunEvent e, string reason) => e with { Value = double.NaN, Reason = reason };

    /// <summary>"Korea (KOR)" from a ballot's "on Korea (KOR): its reason".</summary>
    private static string Applicant(RunEvent e)
    {
        var end = e.Reason.IndexOf("): ", StringComparison.Ordinal);
        return e.Reason.StartsWith("on ", StringComparison.Ordinal) && end > 3 ? e.Reason[3..(end + 1)] : "an application";
    }

    /// <summary>"W1 with Korea: terms" from "W1 with Korea, agreed by people: terms" or "… after 7 offers: terms".</summary>
    private static string DealTerms(string reason)
    {
        var comma = reason.IndexOf(", agreed by people: ", StringComparison.Ordinal);
        if (comma >= 0) return reason[..comma] + reason[(comma + ", agreed by people".Length)..];
        return Offers().Replace(reason, "");
    }

    /// <summary>" for 6 rounds" (or " for 1 round") as the engine's reason words it.</summary>
    private static string Duration(string reason) => Rounds().Match(reason) is { Success: true } m ? " " + m.Value : "";

    private static string Percent(double x) => double.IsFinite(x) ? x.ToString("P0", CultureInfo.InvariantCulture) : "an undisclosed rate";

    private string Name(string id) => scenario.World.CountryName(id);

    private string MineralName(string id) => scenario.World.MineralName(id);

    private string Month(int round) => scenario.MonthOf(round);

    [GeneratedRegex(@" \(credibility [^)]*\)$")]
    private static partial Regex Credibility();

    [GeneratedRegex(@"; leakage .*$")]
    private static partial Regex Leakage();

    /// <summary>China's retaliation names the joiner's dependence on it: that is the joiner's own books.</summary>
    [GeneratedRegex(@": it relies on China for .*$")]
    private static partial Regex Dependence();

    [GeneratedRegex(@" after \d+ offers?(?=: )")]
    private static partial Regex Offers();

    [GeneratedRegex(@"for \d+ rounds?")]
    private static partial Regex Rounds();

    [GeneratedRegex(@"\+(?<t>\S+) t/month due in round (?<r>\d+)$")]
    private static partial Regex Due();
}
