using NegotiationSim.Core.Bloc;

namespace NegotiationSim.Core.Tests;

/// <summary>The bloc's admission vote: how ballots are counted under each threshold, and how a computer-played member votes.</summary>
public sealed class AdmissionVoteTests
{
    private static Ballot[] Ballots(int admit, int refuse, int abstain = 0) =>
        [.. Enumerable.Repeat(Ballot.Admit, admit), .. Enumerable.Repeat(Ballot.Refuse, refuse), .. Enumerable.Repeat(Ballot.Abstain, abstain)];

    [Theory]
    [InlineData(3, 2, true)]
    [InlineData(2, 2, false)] // a tie is not a majority
    [InlineData(1, 0, true)]
    [InlineData(0, 0, false)] // no vote cast admits no one
    public void Majority_NeedsMoreThanHalfOfTheVotesCast(int admit, int refuse, bool admitted) =>
        Assert.Equal(admitted, AdmissionVote.Count(Ballots(admit, refuse), AdmissionRule.Majority).Admitted);

    [Theory]
    [InlineData(2, 1, true)] // exactly two thirds, counted in whole votes
    [InlineData(4, 2, true)]
    [InlineData(3, 2, false)]
    public void TwoThirds_NeedsAtLeastTwoThirds(int admit, int refuse, bool admitted) =>
        Assert.Equal(admitted, AdmissionVote.Count(Ballots(admit, refuse), AdmissionRule.TwoThirds).Admitted);

    [Fact]
    public void Unanimous_OneVoteAgainstRefuses_AbstentionsDoNot()
    {
        Assert.False(AdmissionVote.Count(Ballots(5, 1), AdmissionRule.Unanimous).Admitted);
        Assert.True(AdmissionVote.Count(Ballots(2, 0, 3), AdmissionRule.Unanimous).Admitted);
    }

    [Fact]
    public void Share_AtLeastHalf_AdmitsATie_WhereMajorityRefusesIt()
    {
        Assert.True(AdmissionVote.Count(Ballots(2, 2), AdmissionRule.AtLeast(0.5)).Admitted);
        Assert.False(AdmissionVote.Count(Ballots(2, 2), AdmissionRule.Majority).Admitted);
        Assert.True(AdmissionVote.Count(Ballots(3, 2), AdmissionRule.AtLeast(0.6)).Admitted);
        Assert.False(AdmissionVote.Count(Ballots(3, 3), AdmissionRule.AtLeast(0.6)).Admitted);
    }

    [Fact]
    public void Abstentions_AreNotCast()
    {
        var (admitted, reason) = AdmissionVote.Count(Ballots(2, 1, 5), AdmissionRule.Majority);
        Assert.True(admitted);
        Assert.Equal("2 of 3 votes cast to admit (majority: more than half of the votes cast); 5 abstained", reason);
    }

    [Fact]
    public void Count_ReasonSaysWhyARefusal()
    {
        Assert.Equal("no vote cast (two_thirds: two thirds of the votes cast); 3 abstained",
            AdmissionVote.Count(Ballots(0, 0, 3), AdmissionRule.TwoThirds).Reason);
        Assert.Equal("1 of 2 votes cast to admit (unanimous: every vote cast)", AdmissionVote.Count(Ballots(1, 1), AdmissionRule.Unanimous).Reason);
    }

    [Theory]
    [InlineData(500, 1000, Ballot.Admit)]
    [InlineData(-999, 1000, Ballot.Admit)] // a loss inside the hysteresis band does not move the member off admitting
    [InlineData(-1000, 1000, Ballot.Admit)]
    [InlineData(-1001, 1000, Ballot.Refuse)]
    [InlineData(-1, 0, Ballot.Refuse)] // no band: any loss refuses
    public void ComputerMember_RefusesOnlyALossBeyondItsHysteresis(double gain, double band, Ballot expected) =>
        Assert.Equal(expected, AdmissionVote.Decide(gain, band));

    [Fact]
    public void ComputerMember_ReasonGivesTheWorthAndTheBand()
    {
        Assert.Equal("admitting Korea costs it 2,500 $/month, more than its hysteresis band 1,000",
            AdmissionVote.Reason(Ballot.Refuse, "Korea", -2500, 1000));
        Assert.Equal("admitting Korea changes its welfare by +1,234 $/month; it would refuse only a loss over 1,000",
            AdmissionVote.Reason(Ballot.Admit, "Korea", 1234, 1000));
    }
}
