using NegotiationSim.Core.World;
using NegotiationSim.Server.Reports;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// The debrief's charts as inline SVG (drawn by <see cref="Svg"/>, names escaped there): the same markup goes into the
/// page and into the exported HTML, so the export needs no script or file from anywhere.
/// </summary>
public sealed record DebriefCharts(string Membership, IReadOnlyList<string> Prices)
{
    public static DebriefCharts Of(GameSnapshot s)
    {
        var months = s.Reports.Select(r => r.Month).ToArray();
        var members = s.Reports.Select(r => (IReadOnlySet<string>)r.Members.ToHashSet(StringComparer.Ordinal)).ToArray();
        // Every country that was ever a member or seated a team: the rows a class talks about.
        var countries = s.World.Countries.Select(c => c.Id)
            .Where(c => members.Any(m => m.Contains(c)) || s.Game.History.Any(h => h.Played.Contains(c)) || s.Game.PlayedCountries.Contains(c))
            .ToArray();
        var refined = Stages.Name(Stage.Refined);
        var prices = s.World.Minerals.Select(m =>
        {
            double[] Path(Func<Core.Reports.MarketPrices, double> pick) => s.Reports
                .Select(r => r.Prices.FirstOrDefault(p => p.Mineral == m.Id && p.Stage == refined) is { } p ? pick(p) : double.NaN).ToArray();
            return Svg.Lines($"{m.Name} refined, $/t", months,
            [
                new Series("paid in the bloc", Path(p => p.Member), 1), new Series("paid outside", Path(p => p.Outsider), 2),
                new Series("paid in China", Path(p => p.China), 3), new Series("price floor", Path(p => p.Floor), 4, Dashed: true),
            ], Html.Short);
        }).ToArray();
        return new DebriefCharts(Svg.Membership(countries, months, members, width: 560), prices);
    }

    /// <summary>The team's welfare and the computer's in the same seat, one chart per team.</summary>
    public static string Welfare(string teamName, string country, IReadOnlyList<string> months, IReadOnlyList<double> team, IReadOnlyList<double> computer) =>
        Svg.Lines($"Welfare of {teamName} ({country}), $/month", months,
            [new Series("the team", team, 1), new Series("the computer in its seat", computer, 2, Dashed: true)], Html.Short);
}
