using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Core.Tests;

/// <summary>What a team may see under each information rule: whose rows, how late, which deals' terms and offers.</summary>
public sealed class InformationRulesTests
{
    private static FlowRow Flow(string from, string to, double tonnes, string mineral = "gallium", string stage = "refined") =>
        new(mineral, stage, from, to, tonnes, 100);

    // Japan imports refined gallium: 80 t from China, 15 t from Korea, 5 t from Germany; it sells 40 t of product to the US.
    private static readonly FlowRow[] Flows =
    [
        Flow("CHN", "JPN", 80), Flow("KOR", "JPN", 15), Flow("DEU", "JPN", 5), Flow("JPN", "JPN", 500),
        Flow("JPN", "USA", 40, stage: "product"), Flow("CHN", "USA", 900),
        Flow("CHN", "JPN", 3, mineral: "germanium"), Flow("DEU", "JPN", 7, mineral: "germanium"),
    ];

    private static readonly string[] Members = ["USA", "JPN", "KOR"];

    [Fact]
    public void Partners_AreThoseAboveTheShareOfImportsOrExports_MineralByMineral()
    {
        var partners = TradePartners.Of("JPN", Flows, 0.1);
        // 5 t of 100 t is 5%: Germany is no gallium partner, but 7 t of 10 t makes it a germanium one. Domestic use is no trade.
        Assert.Equal(["CHN gallium", "CHN germanium", "DEU germanium", "KOR gallium", "USA gallium"],
            partners.Select(p => $"{p.Country} {p.Mineral}").Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(("DEU", "gallium"), partners);
        Assert.Contains(("DEU", "gallium"), TradePartners.Of("JPN", Flows, 0.05));
        // At half, China (80% of imports) and the US (all of Japan's product exports) remain.
        Assert.Equal(["CHN", "USA"], TradePartners.Of("JPN", Flows, 0.5).Where(p => p.Mineral == "gallium").Select(p => p.Country).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData(TeamsSee.Own, "JPN", "gallium", true)]       // one's own rows always
    [InlineData(TeamsSee.Own, "KOR", "gallium", false)]
    [InlineData(TeamsSee.Partners, "KOR", "gallium", true)]
    [InlineData(TeamsSee.Partners, "DEU", "gallium", false)]  // 5%: below the share
    [InlineData(TeamsSee.Partners, "DEU", "germanium", true)]
    [InlineData(TeamsSee.Partners, "ROW", "gallium", false)]
    [InlineData(TeamsSee.Bloc, "USA", "gallium", true)]
    [InlineData(TeamsSee.Bloc, "CHN", "gallium", false)]
    [InlineData(TeamsSee.All, "CHN", "gallium", true)]
    [InlineData(TeamsSee.All, "ROW", "germanium", true)]
    public void Rows_FollowTheRule(TeamsSee rule, string other, string mineral, bool seen)
    {
        var sight = new CountrySight(rule);
        Assert.Equal(seen, sight.SeesRows("JPN", other, mineral, TradePartners.Of("JPN", Flows, sight.PartnerShare), Members));
    }

    [Fact]
    public void Bloc_ShowsMembersOnlyToAMember()
    {
        var bloc = new CountrySight(TeamsSee.Bloc);
        var none = new HashSet<(string, string)>();
        Assert.True(bloc.SeesRows("KOR", "USA", "gallium", none, Members));
        Assert.False(bloc.SeesRows("DEU", "USA", "gallium", none, Members));
        Assert.True(bloc.SeesRows("DEU", "DEU", "gallium", none, Members));
    }

    [Theory]
    [InlineData(0, 5, 5)]
    [InlineData(1, 5, 4)]
    [InlineData(4, 5, 1)]
    [InlineData(5, 5, null)] // no round is that old yet
    [InlineData(24, 30, 6)]
    public void Delay_ShowsOthersAsOfThatManyRoundsAgo(int delay, int latest, int? shown) =>
        Assert.Equal(shown, new CountrySight(TeamsSee.All, OthersDelay: delay).OthersRound(latest));

    [Fact]
    public void DealTermsAndOffers_PartiesOrPublic()
    {
        var parties = new CountrySight();
        Assert.True(parties.SeesDealTerms("JPN", "JPN", "KOR"));
        Assert.True(parties.SeesDealTerms("KOR", "JPN", "KOR"));
        Assert.False(parties.SeesDealTerms("USA", "JPN", "KOR"));
        Assert.True(parties.SeesOffer("KOR", "JPN", "KOR"));
        Assert.False(parties.SeesOffer("USA", "JPN", "KOR"));
        var open = parties with { DealTerms = Disclosure.Public, Offers = Disclosure.Public };
        Assert.True(open.SeesDealTerms("USA", "JPN", "KOR"));
        Assert.True(open.SeesOffer("USA", "JPN", "KOR"));
    }

    [Fact]
    public void Overrides_ApplyToTheirCountryOnly_AndTheDefaultIsOwn()
    {
        Assert.Equal(new CountrySight(TeamsSee.Own, 0.1, 0, Disclosure.Parties, Disclosure.Parties), InformationRules.Own.For("USA"));
        Assert.Equal(InformationRules.Own, new ClassroomSettings().Sight);
        var rules = new InformationRules(new CountrySight(TeamsSee.Partners, OthersDelay: 1),
            new Dictionary<string, CountrySight> { ["USA"] = new(TeamsSee.All, OthersDelay: 1) });
        Assert.Equal(TeamsSee.All, rules.For("USA").TeamsSee);
        Assert.Equal(TeamsSee.Partners, rules.For("JPN").TeamsSee);
        Assert.True(rules.For("USA").SeesRows("USA", "ROW", "gallium", new HashSet<(string, string)>(), Members));
        Assert.False(rules.For("JPN").SeesRows("JPN", "ROW", "gallium", new HashSet<(string, string)>(), Members));
    }
}
