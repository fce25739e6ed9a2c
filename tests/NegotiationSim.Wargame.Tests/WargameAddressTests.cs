using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NegotiationSim.Server.Wargame;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

/// <summary>Where a class reaches the host: team links at the public address, the Orleans Dashboard behind the instructor key.</summary>
public sealed class WargameAddressTests
{
    private static readonly GameRules Rules = new(300, TimeoutFill.Computer, 3);

    [Fact]
    public async Task PublicUrl_TeamLinksAndInstructorView_UseItNotTheBoundAddress()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        host.Services.GetRequiredService<PublicAddress>().Url = "http://10.0.0.5:5393";

        var added = await (await host.Instructor("POST teams", new { name = "Sakura", country = "JPN" })).Content.ReadFromJsonAsync<JsonElement>();
        var view = await (await host.Instructor("instructor")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("http://10.0.0.5:5393/wargame/team.html#code=" + added.GetProperty("code").GetString(), added.GetProperty("link").GetString());
        Assert.Equal("http://10.0.0.5:5393", view.GetProperty("publicUrl").GetString());
    }

    [Fact]
    public void LanAddresses_WildcardBindings_AreRecognisedAndOpenedLocally()
    {
        Assert.True(LanAddresses.IsWildcard("http://0.0.0.0:5393"));
        Assert.True(LanAddresses.IsWildcard("http://[::]:5393"));
        Assert.False(LanAddresses.IsWildcard("http://127.0.0.1:5393"));
        Assert.Equal("http://127.0.0.1:5393", LanAddresses.Local("http://0.0.0.0:5393"));
        Assert.All(LanAddresses.Of("http://0.0.0.0:5393"), a => Assert.Matches(@"^http://\d+\.\d+\.\d+\.\d+:5393$", a));
        Assert.DoesNotContain(LanAddresses.Of("http://0.0.0.0:5393"), a => a.StartsWith("http://127.", StringComparison.Ordinal));
        Assert.Null(LanAddresses.Check("http://10.0.0.5:5393"));
        Assert.NotNull(LanAddresses.Check("http://0.0.0.0:5393"));
        Assert.NotNull(LanAddresses.Check("http://10.0.0.5:5393/wargame"));
    }

    [Fact]
    public async Task Dashboard_WithoutTheKey_IsRefused_WithItACookieOpensIt()
    {
        await using var host = await WargameServer.StartAsync(WargameServer.Gallium, Rules);
        using var bare = new HttpClient { BaseAddress = new Uri(host.Url) };
        using var wrongCookie = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        wrongCookie.Headers.Add("Cookie", WargameHost.DashboardCookie + "=" + Secrets.NewCode());

        var none = await bare.GetAsync("/dashboard/");
        var wrong = await bare.GetAsync("/dashboard/?key=" + Secrets.NewCode());
        var forged = await bare.SendAsync(wrongCookie);

        foreach (var r in new[] { none, wrong, forged }) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("needs the instructor key", await none.Content.ReadAsStringAsync());

        // The key once in the address: a cookie for the dashboard's own requests, and the key leaves the address bar.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(host.Url) };
        var opened = await browser.GetAsync("/dashboard/?key=" + host.Key);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("/dashboard/", opened.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("", opened.RequestMessage.RequestUri.Query);
        Assert.Contains("Orleans Dashboard", await opened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
    }
}
