using NegotiationSim.Core.Engine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// Deals in the world (MODEL.md §3.6) on the gallium negotiation world: a deal with the US ends a Section 232 threat,
/// an export ban voids a contract by force majeure (or it is honoured), and contract prices are settled in welfare.
/// </summary>
public sealed class DealEffectsTests
{
    private static string World => Path.Combine(TestFiles.Repo, "tests", "data", "gallium-negotiation.yaml");

    private static async Task<List<RoundReport>> Run(Scenario scenario)
    {
        var simulation = new Simulation(scenario, new ReferenceHost(scenario));
        var reports = new List<RoundReport>();
        for (var t = 1; t <= scenario.Rounds; t++) reports.Add(await simulation.RunRoundAsync(t));
        return reports;
    }

    private static Scenario WithForceMajeure(double p)
    {
        var s = ScenarioLoader.Load(World);
        return s with { Negotiation = s.Negotiation! with { ForceMajeure = p } };
    }

    [Fact]
    public async Task Deal_UsWithThreatenedKorea_EndsTheThreatBeforeItsDeadline()
    {
        var reports = await Run(ScenarioLoader.Load(World) with { Rounds = 5 });
        var events = reports.SelectMany(r => r.Events).ToArray();

        var signed = Assert.Single(reports.SelectMany(r => r.Deals), d => d.Status == "signed" && d.Buyer == "USA" && d.Seller == "KOR");
        var ended = Assert.Single(events, e => e.Kind == "section232-ended" && e.Country == "KOR");
        Assert.Contains($"agreed deal {signed.Id} with the US", ended.Reason);
        Assert.True(ended.Round < 4);
        Assert.DoesNotContain(events, e => e.Kind is "section232-imposed" or "section232-lapsed" && e.Country == "KOR");
    }

    [Fact]
    public async Task Ban_ForceMajeureCertain_VoidsTheContractAndItIsNoLongerServed()
    {
        var reports = await Run(WithForceMajeure(1));
        var deals = reports.SelectMany(r => r.Deals.Select(d => (r.Round, Deal: d))).ToArray();

        // China bans refined and product gallium to the US from round 6: its contract with the US is void that round.
        var voided = Assert.Single(deals, x => x.Deal.Status == "voided");
        Assert.Equal(("USA", "CHN", 6), (voided.Deal.Buyer, voided.Deal.Seller, voided.Round));
        Assert.Contains("force majeure: China bans Gallium exports (ga-ban-us)", voided.Deal.Note);
        Assert.Contains(reports.SelectMany(r => r.Events), e => e.Kind == "force-majeure" && e.Round == 6);
        Assert.DoesNotContain(deals, x => x.Deal.Id == voided.Deal.Id && x.Round >= 6 && x.Deal.Status == "in-force");
    }

    [Fact]
    public async Task Ban_ForceMajeureNever_ContractHonouredAndStillSettled()
    {
        var reports = await Run(WithForceMajeure(0));
        var deals = reports.SelectMany(r => r.Deals.Select(d => (r.Round, Deal: d))).ToArray();

        Assert.DoesNotContain(deals, x => x.Deal.Status == "voided");
        var honoured = Assert.Single(reports.SelectMany(r => r.Events), e => e.Kind == "contract-honoured");
        Assert.Equal(6, honoured.Round);
        Assert.Contains(deals, x => x.Round > 6 && x.Deal.Status == "in-force" && x.Deal.Buyer == "USA" && x.Deal.Seller == "CHN");
    }

    [Fact]
    public async Task Welfare_ContractsInForce_TransferSettledBetweenBuyerAndSeller()
    {
        var reports = await Run(ScenarioLoader.Load(World));
        var settled = 0;
        foreach (var r in reports)
        {
            foreach (var country in r.Rows.Select(x => x.Country).Distinct())
            {
                var expected = r.Deals.Where(d => d.Status is "in-force" or "expired")
                    .Sum(d => (d.Buyer == country ? d.Transfer : 0) - (d.Seller == country ? d.Transfer : 0));
                var reported = r.Rows.Where(x => x.Country == country).Sum(x => x.ContractTransfer);
                Assert.Equal(expected, reported, 6);
                if (expected != 0) settled++;
            }
            // (p_spot − p_c)·Q_c for each contract in force.
            foreach (var d in r.Deals.Where(d => d.Status == "in-force"))
                Assert.Equal((d.SpotPrice - d.ContractPrice) * d.Volume, d.Transfer, 6);
        }
        Assert.True(settled > 0, "no contract was settled in this world");
    }

    [Fact]
    public async Task Tariffs_KoreaCutsItsTariffInItsUsDeal_CollectsLessOnceTheDealStarts()
    {
        var with = await Run(ScenarioLoader.Load(World) with { Rounds = 5 });
        var without = await Run(ScenarioLoader.Load(World) with { Rounds = 5, Negotiation = null });
        var deal = Assert.Single(with.SelectMany(r => r.Deals), d => d.Status == "signed" && d.Buyer == "USA" && d.Seller == "KOR");
        Assert.Equal(1, deal.SellerCut);
        double Revenue(RoundReport r) => r.Rows.Where(x => x.Country == "KOR").Sum(x => x.TariffRevenue);

        // No deal is in force before it starts, so the markets are the same to the bit; from its start Korea's 8% is gone.
        Assert.Equal(Revenue(without[deal.Start - 2]), Revenue(with[deal.Start - 2]));
        Assert.True(Revenue(with[deal.Start - 1]) < Revenue(without[deal.Start - 1]),
            $"Korea's tariff revenue {Revenue(with[deal.Start - 1])} with the deal vs {Revenue(without[deal.Start - 1])} without");
    }
}

/// <summary>A deal's investment tranche joins the seller's capacity pipeline and arrives after its lead time.</summary>
public sealed class DealInvestmentTests
{
    [Fact]
    public void OrderCapacity_Tranche_ArrivesInTheSellersCapacityOnItsRound()
    {
        // Given two identical Koreas (same seed, so the same disruption draws), one with a financed tranche due in round 3
        var scenario = ScenarioLoader.Load(TestFiles.GalliumControl);
        var world = scenario.World;
        var kor = world.CountryIndex("KOR");
        var bases = NegotiationSim.Core.Market.Calibration.Build(world);
        var plain = new NegotiationSim.Core.Country.CountryModel(scenario, NegotiationSim.Core.Country.CountryBase.From(bases, kor), kor);
        var financed = new NegotiationSim.Core.Country.CountryModel(scenario, NegotiationSim.Core.Country.CountryBase.From(bases, kor), kor);
        var refined = new NegotiationSim.Core.World.MarketId(0, NegotiationSim.Core.World.Stage.Refined).Index;
        financed.OrderCapacity(new CapacityOrder(kor, refined, 2.0, 3, "financed by USA (D0001)"));

        // When both offer capacity for three rounds
        NegotiationSim.Core.Country.ExogenousInput Input(int round) => new(round, scenario.Seed, [], new bool[world.MarketCount],
            Enumerable.Repeat(1.0, world.MarketCount).ToArray(), Enumerable.Repeat(double.NaN, world.MarketCount).ToArray(), [1.0]);
        var offers = Enumerable.Range(1, 3).Select(t => (Plain: plain.Exogenous(Input(t)), Financed: financed.Exogenous(Input(t)))).ToArray();

        // Then nothing differs before round 3, and from round 3 Korea can refine 2 t/month more
        Assert.Equal(offers[1].Plain.Capacity[refined], offers[1].Financed.Capacity[refined]);
        Assert.Equal(offers[2].Plain.Capacity[refined] + 2.0, offers[2].Financed.Capacity[refined], 9);
        Assert.Contains(offers[2].Financed.Events, e => e.Kind == "capacity" && e.Market == refined && e.Value == 2.0);
    }
}
