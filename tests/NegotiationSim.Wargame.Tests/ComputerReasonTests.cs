using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Server.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>The computer's answer to an offer: a share of its possible gain that reads as a percentage, never ~300 digits.</summary>
public sealed class ComputerReasonTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);

    [Fact]
    public void NoRoomToGain_GivesNoDivisionByZero()
    {
        // The reviewer's case: the best outcome a hair above no deal, the offer a little below it.
        Assert.Equal(0, ComputerReason.Share(-3e-9, 0, 1e-300));
        Assert.Equal(1, ComputerReason.Share(0, 0, 1e-300));
        Assert.False(ComputerReason.Accepts(-3e-9, 0, 1e-300, 0.1));
        Assert.Equal("Korea (linear) would be 21 $ worse off than with no deal", ComputerReason.Why("Korea", "linear", -21.084, 0, 1e-300, 0.5));
        Assert.Equal("Korea (linear) can gain nothing over no deal from any such offer; this one is no worse than no deal",
            ComputerReason.Why("Korea", "linear", 0, 0, 1e-300, 0.5));
        Assert.Equal("Korea (linear) gets 25% of its possible gain over no deal; it wants 40% now", ComputerReason.Why("Korea", "linear", 250, 0, 1000, 0.4));
        Assert.Equal(1, ComputerReason.Share(2000, 0, 1000)); // never above all of it
    }

    [Fact]
    public async Task Offer_OfNothing_IsRefused_AndZeroOfftakeWithAnInvestmentGetsASaneReason()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        await host.Instructor("POST start");
        var empty = await host.Team(japan, "POST offer", new { round = 1, partner = "DEU", role = "buy", mineral = "gallium", stage = "refined", levels = new[] { 0, 2, 1, 0, 0, 0, 0 } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.StartsWith("levels: 0% offtake with no tariff cut and no investment", await WargameServer.ErrorOf(empty));
        Assert.Empty(host.Session.Game.Offers);

        var investment = await host.Team(japan, "POST offer", new { round = 1, partner = "DEU", role = "buy", mineral = "gallium", stage = "refined", levels = new[] { 0, 2, 1, 0, 0, 2, 0 } });
        Assert.Equal(HttpStatusCode.OK, investment.StatusCode);
        var why = host.Session.Game.Offers["O1"].Why!;
        Assert.Matches(@"^Germany \(\w+\) (gets \d{1,3}% of its possible gain over no deal; it wants \d{1,3}% now|would be [\d,]+ \$ worse off than with no deal|can gain nothing .*)$", why);
        Assert.True(why.Length < 160, why);
    }
}
