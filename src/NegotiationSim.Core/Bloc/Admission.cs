using System.Globalization;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Core.Bloc;

/// <summary>How a country becomes a member: by deciding to (open), or by applying and the members voting (vote).</summary>
public enum AdmissionMode { Open, Vote }

/// <summary>A member's vote on an application.</summary>
public enum Ballot { Admit, Refuse, Abstain }

/// <summary>
/// The bloc's admission rule. Under <see cref="AdmissionMode.Vote"/> an applicant is admitted when the members voting to
/// admit reach <see cref="Share"/> of the votes cast (abstentions are not cast); <see cref="Strict"/> asks for more than
/// the share, so a tied majority vote refuses. No vote to admit never admits.
/// </summary>
public sealed record AdmissionRule(AdmissionMode Mode, double Share, bool Strict, string Name)
{
    public static AdmissionRule Open { get; } = new(AdmissionMode.Open, 0, false, "open");
    public static AdmissionRule Majority { get; } = new(AdmissionMode.Vote, 0.5, true, "majority");
    public static AdmissionRule TwoThirds { get; } = new(AdmissionMode.Vote, 2.0 / 3, false, "two_thirds");
    public static AdmissionRule Unanimous { get; } = new(AdmissionMode.Vote, 1, false, "unanimous");

    /// <summary>A vote needing at least <paramref name="share"/> of the votes cast (0.5 to 1).</summary>
    public static AdmissionRule AtLeast(double share) =>
        new(AdmissionMode.Vote, share, false, share.ToString("0.###", CultureInfo.InvariantCulture));

    public bool Votes => Mode == AdmissionMode.Vote;

    /// <summary>Whether <paramref name="admit"/> votes for and <paramref name="refuse"/> against carry the application.</summary>
    public bool Admits(int admit, int refuse)
    {
        var cast = admit + refuse;
        if (admit == 0) return false;
        // Whole-vote arithmetic, so two thirds of 3 is exactly 2 and not 1.9999999999999998.
        var needed = Share * cast;
        return Strict ? admit > needed + 1e-9 : admit >= needed - 1e-9;
    }

    /// <summary>What the rule asks, for reasons: "more than half of the votes cast".</summary>
    public string Describe() => (Strict, Share) switch
    {
        (true, 0.5) => "more than half of the votes cast",
        (false, 1) => "every vote cast",
        (false, var s) when Math.Abs(s - 2.0 / 3) < 1e-12 => "two thirds of the votes cast",
        (var strict, var s) => $"{(strict ? "more than" : "at least")} {s.ToString("P0", CultureInfo.InvariantCulture)} of the votes cast",
    };
}

/// <summary>How members vote on applications, and how the votes are counted (docs/bloc-admission.md).</summary>
public static class AdmissionVote
{
    /// <summary>
    /// A computer-played member votes by what admitting the applicant is worth to it. The bloc exists to grow, so the
    /// member's standing position is to admit; like any change of position (§4.2) refusing needs a loss beyond its
    /// hysteresis band. The market gains of one more member are small beside a member's whole stake, so a band both
    /// ways would have every member abstain and the bloc admit no one. Abstaining is what a team does by not voting.
    /// </summary>
    public static Ballot Decide(double gain, double hysteresis) => gain < -hysteresis ? Ballot.Refuse : Ballot.Admit;

    /// <summary>The reason a computer-played member gives for its ballot.</summary>
    public static string Reason(Ballot ballot, string applicant, double gain, double hysteresis)
    {
        static string Money(double x) => x.ToString("#,0", CultureInfo.InvariantCulture);
        return ballot == Ballot.Refuse
            ? $"admitting {applicant} costs it {Money(-gain)} $/month, more than its hysteresis band {Money(hysteresis)}"
            : $"admitting {applicant} changes its welfare by {gain.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture)} $/month; it would refuse only a loss over {Money(hysteresis)}";
    }

    /// <summary>Counts the ballots: the verdict and its reason, e.g. "admitted with 3 of 4 votes cast (majority: more than half of the votes cast); 1 abstained".</summary>
    public static (bool Admitted, string Reason) Count(IReadOnlyCollection<Ballot> ballots, AdmissionRule rule)
    {
        var admit = ballots.Count(b => b == Ballot.Admit);
        var refuse = ballots.Count(b => b == Ballot.Refuse);
        var abstain = ballots.Count - admit - refuse;
        var admitted = rule.Admits(admit, refuse);
        var tally = admit + refuse == 0 ? "no vote cast" : $"{admit} of {Plural.Of(admit + refuse, "vote")} cast to admit";
        var reason = $"{tally} ({rule.Name}: {rule.Describe()}){(abstain > 0 ? $"; {abstain} abstained" : "")}";
        return (admitted, reason);
    }
}
