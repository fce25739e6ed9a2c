using System.Globalization;
using System.Text;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Scenarios.Tests.Golden;

/// <summary>
/// A run reduced to what an analyst would notice changing: rounds, bloc members per round (runs of equal rounds
/// collapsed), final prices per mineral and stage, the policy events that fired, and welfare totals. Numbers carry
/// four significant digits, so the text is stable across machines yet moves when the model's answer moves.
/// </summary>
internal static class GoldenSummary
{
    /// <summary>Event kinds that tell the run's story; investment and inventory noise is left out.</summary>
    private static readonly HashSet<string> KeyKinds =
    [
        "section232-threat", "section232-imposed", "section232-lapsed", "section232-ended", "export-control-announced",
        "export-control-suspended", "flood", "stockpile", "finance-offered", "finance-committed", "joined", "left",
        "decides-to-join", "decides-to-leave", "floor-review", "exit", "restart",
    ];

    public static string Write(Scenario scenario, IReadOnlyList<RoundReport> rounds)
    {
        var s = new StringBuilder();
        s.Append("scenario: ").AppendLine(scenario.Name);
        s.Append("seed: ").Append(scenario.Seed).Append("; rounds: ").Append(rounds.Count)
            .Append(" (").Append(rounds[0].Month).Append(" to ").Append(rounds[^1].Month).AppendLine(")");

        s.AppendLine().AppendLine("## members by round");
        for (var i = 0; i < rounds.Count;)
        {
            var j = i;
            while (j + 1 < rounds.Count && rounds[j + 1].Members.SequenceEqual(rounds[i].Members)) j++;
            var span = i == j ? $"{rounds[i].Round}" : $"{rounds[i].Round}-{rounds[j].Round}";
            s.Append(span).Append(" (").Append(rounds[i].Members.Count).Append("): ").AppendLine(string.Join(' ', rounds[i].Members));
            i = j + 1;
        }

        s.AppendLine().AppendLine("## final prices $/t: mineral stage | member outsider china floor world_fob");
        foreach (var p in rounds[^1].Prices)
            s.Append(p.Mineral).Append(' ').Append(p.Stage).Append(" | ").Append(N(p.Member)).Append(' ').Append(N(p.Outsider))
                .Append(' ').Append(N(p.China)).Append(' ').Append(N(p.Floor)).Append(' ').AppendLine(N(p.WorldFob));

        s.AppendLine().AppendLine("## key events: round kind country mineral stage value");
        foreach (var e in rounds.SelectMany(r => r.Events).Where(e => KeyKinds.Contains(e.Kind)))
            s.Append(e.Round).Append(' ').Append(e.Kind).Append(' ').Append(Or(e.Country)).Append(' ').Append(Or(e.Mineral))
                .Append(' ').Append(Or(e.Stage)).Append(' ').AppendLine(N(e.Value));

        s.AppendLine().AppendLine("## welfare change vs base in the last round, $/month: world, then the ten largest by size");
        var welfare = rounds[^1].Rows.Where(r => r.Stage == "ore").GroupBy(r => r.Country)
            .Select(g => (Country: g.Key, Value: g.Sum(r => r.ConsumerSurplus + r.ProducerSurplus + r.TariffRevenue + r.ExportRent + r.Subsidy)))
            .ToArray();
        s.Append("world ").AppendLine(N(welfare.Sum(w => w.Value)));
        foreach (var (country, value) in welfare.OrderByDescending(w => Math.Abs(w.Value)).ThenBy(w => w.Country, StringComparer.Ordinal).Take(10))
            s.Append(country).Append(' ').AppendLine(N(value));
        return s.ToString();
    }

    private static string Or(string text) => text.Length == 0 ? "-" : text;

    private static string N(double x) =>
        double.IsNaN(x) ? "-" : Math.Abs(x) < 1e-9 ? "0" : x.ToString("G4", CultureInfo.InvariantCulture);
}
