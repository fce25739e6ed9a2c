using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>
/// The API refuses the bloc moves the engine could not honour (gallium world: USA and JPN found FORGE, a Section 232
/// threat stands against KOR from round 1), and the team view says which moves are open.
/// </summary>
public sealed class WargameMoveChecksTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 5);

    private static async Task<(HttpStatusCode Status, string Error)> MoveAsync(WargameServer host, string code, object move)
    {
        var r = await host.Team(code, "POST move", move);
        return (r.StatusCode, r.IsSuccessStatusCode ? "" : await WargameServer.ErrorOf(r));
    }

    private static async Task<JsonElement> BlocMovesAsync(WargameServer host, string code) =>
        (await (await host.Team(code, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blocMoves");

    private static string[] Strings(JsonElement list) => list.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public async Task Moves_TheEngineWouldIgnore_AreRefusedWithTheReasonAndNotJournaled()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        var japan = await host.AddTeamAsync("Sakura", "JPN");
        var germany = await host.AddTeamAsync("Adler", "DEU");
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        var before = host.Session.Game.Inputs.Count;

        Assert.Equal((HttpStatusCode.Conflict, "bloc: Japan is a founding member of the bloc and cannot leave under the scenario's rules"),
            await MoveAsync(host, japan, new { round = 1, bloc = "Leave" }));
        Assert.Equal((HttpStatusCode.Conflict, "bloc: Japan is already a member of FORGE"), await MoveAsync(host, japan, new { round = 1, bloc = "Join" }));
        Assert.Equal((HttpStatusCode.Conflict, "bloc: Germany is not a member of FORGE"), await MoveAsync(host, germany, new { round = 1, bloc = "Leave" }));
        Assert.Equal((HttpStatusCode.Conflict, "threat: no Section 232 threat stands against Germany"),
            await MoveAsync(host, germany, new { round = 1, bloc = "Stay", threat = "Comply" }));
        Assert.Equal((HttpStatusCode.Conflict, "bloc: Korea is not a member of FORGE"),
            await MoveAsync(host, korea, new { round = 1, bloc = "Leave", threat = "Comply" }));
        Assert.Equal(before, host.Session.Game.Inputs.Count);
        Assert.Empty(host.Session.Game.Moves);

        // What the team page reads: only the moves that will be honoured, with the reasons for the rest.
        var forJapan = await BlocMovesAsync(host, japan);
        Assert.Equal(["stay"], Strings(forJapan.GetProperty("bloc")));
        Assert.Empty(Strings(forJapan.GetProperty("threat")));
        Assert.Equal("Japan is a founding member of the bloc and cannot leave under the scenario's rules", forJapan.GetProperty("closed").GetProperty("leave").GetString());
        var forKorea = await BlocMovesAsync(host, korea);
        Assert.Equal(["stay", "join"], Strings(forKorea.GetProperty("bloc")));
        Assert.Equal(["comply", "defy"], Strings(forKorea.GetProperty("threat")));

        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(host, korea, new { round = 1, bloc = "Stay", threat = "Defy" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(host, japan, new { round = 1, bloc = "Stay" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(host, germany, new { round = 1, bloc = "Join" })).Status); // closes round 1

        // Germany's join of round 1 counts from round 1 (as the computer's would): a member in round 2, it may not join
        // again, and it may leave (it is no founder).
        Assert.Equal(2, host.Session.Game.Round);
        Assert.Contains("DEU", host.Session.Reports[^1].Members);
        var briefing = (await (await host.Team(germany, "team")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("briefing");
        Assert.True(briefing.GetProperty("member").GetBoolean()); // the briefing says "a member of the bloc" now, not as in round 1
        Assert.Equal((HttpStatusCode.Conflict, "bloc: Germany is already a member of FORGE"), await MoveAsync(host, germany, new { round = 2, bloc = "Join" }));
        Assert.Equal(["stay", "leave"], Strings((await BlocMovesAsync(host, germany)).GetProperty("bloc")));
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(host, germany, new { round = 2, bloc = "Leave" })).Status);
    }

    [Fact]
    public async Task Comply_WhenTheCountryHasAlreadyApplied_IsNotOfferedAndIsRefusedSayingWhy()
    {
        // The classroom bloc admits by a members' vote: Korea's join of round 1 is an application, voted on in round 3.
        // The scenario's Section 232 threat names Korea from round 1 to round 4.
        await using var host = await WargameServer.StartAsync(Path.Combine(WargameServer.Repo(), "scenarios", "classroom-wargame.yaml"), Rules);
        var korea = await host.AddTeamAsync("Kimchi", "KOR");
        await host.Instructor("POST start");
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(host, korea, new { round = 1, bloc = "Join" })).Status); // closes round 1
        Assert.Contains(host.Session.Reports[^1].Events, e => e.Kind == "applies-to-join" && e.Country == "KOR");
        Assert.Contains(host.Session.Reports[0].Events, e => e.Kind == "section232-threat" && e.Country == "KOR");

        var open = await BlocMovesAsync(host, korea);
        Assert.Equal(["defy"], Strings(open.GetProperty("threat")));
        const string why = "complying means joining the bloc, but Republic of Korea has already applied to join FORGE; the members vote on it";
        Assert.Equal(why, open.GetProperty("closed").GetProperty("comply").GetString());
        Assert.Equal((HttpStatusCode.Conflict, "threat: " + why), await MoveAsync(host, korea, new { round = 2, bloc = "Stay", threat = "Comply" }));
    }
}
