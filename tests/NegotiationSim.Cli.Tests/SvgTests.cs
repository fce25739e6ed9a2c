using NegotiationSim.Server.Reports;

namespace NegotiationSim.Cli.Tests;

/// <summary>Charts stay drawable whatever the numbers: a damaged file or an exploding price must not hang or break the page.</summary>
public sealed class SvgTests
{
    public static TheoryData<double[]> Extremes => new()
    {
        { [1e20, 1e20 + 1e4] },          // a range far below the values' precision
        { [-1e20, -1e20 + 1e4] },
        { [-1e308, 1e308] },             // the range overflows
        { [5e-324, 1e-323] },            // subnormal
        { [double.NaN, double.PositiveInfinity] },
        { [42, 42] },                    // flat
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Lines_ExtremeValues_AWholeChartWithAFewGridlines(double[] values)
    {
        var svg = Svg.Lines("t", ["2026-01", "2026-02"], [new Series("s", values, 1)], Html.Short);

        Assert.EndsWith("</svg>", svg);
        Assert.InRange(svg.Split("class=\"axis\"").Length - 1, 2, 21);
        Assert.DoesNotContain("NaN", svg);
    }

    [Fact]
    public void Bars_DamagedValues_LeftOutOthersDrawn()
    {
        var svg = Svg.Bars("Welfare", [("CHN", 21.7), ("USA", -11.7), ("XXX", double.NaN), ("YYY", 1e300)], v => Html.Num(v, "N1"));

        Assert.Contains(">CHN</text>", svg);
        Assert.Contains(">-11.7</text>", svg);
        Assert.DoesNotContain("XXX", svg);
        Assert.DoesNotContain("YYY", svg);
        Assert.DoesNotContain("NaN", svg);
    }

    [Fact]
    public void Lines_MemberCounts_WholeNumberGridlines()
    {
        var svg = Svg.Lines("Members", ["a", "b", "c"], [new Series("members", [2, 2, 2], 1)], v => Html.Num(v), minStep: 1);

        Assert.Contains(">0</text>", svg);
        Assert.Contains(">1</text>", svg);
        Assert.Contains(">2</text>", svg);
        Assert.DoesNotContain(">0.5", svg);
    }
}
