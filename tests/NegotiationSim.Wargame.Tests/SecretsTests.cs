using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

public sealed class SecretsTests
{
    [Fact]
    public void Code_MatchesItsHashAsPeopleTypeIt()
    {
        var code = Secrets.NewCode();
        var hash = Secrets.Hash(code);
        Assert.True(Secrets.Matches(code.ToLowerInvariant(), hash));
        Assert.True(Secrets.Matches(code[..5] + "-" + code[5..10] + " " + code[10..], hash));
        Assert.False(Secrets.Matches(code[..^1] + (code[^1] == '0' ? '1' : '0'), hash));
        Assert.False(Secrets.Matches("", hash));
        Assert.False(Secrets.Matches(null, hash));
    }

    [Fact]
    public void Codes_AreLongAndDistinct()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => Secrets.NewCode()).ToList();
        Assert.All(codes, c => Assert.Equal(20, c.Length));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
