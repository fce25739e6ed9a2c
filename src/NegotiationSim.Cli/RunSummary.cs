using System.Text.Json.Serialization;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli;

/// <summary>The run at a glance: what an analyst reads first.</summary>
public sealed record RunSummary(
    string Scenario, string Question, long Seed, int Rounds, string FirstMonth, string LastMonth,
    IReadOnlyList<MembershipPoint> Membership,
    IReadOnlyList<PricePoint> FinalPrices,
    IReadOnlyList<SecurityChange> Security,
    IReadOnlyList<WelfarePoint> WelfareByCountry,
    IReadOnlyList<RunEvent> Shocks)
{
    private static readonly string[] ShockKinds =
        ["section232-threat", "section232-imposed", "section232-lapsed", "section232-ended", "export-control-announced",
         "export-control-suspended", "flood", "stockpile", "joined", "left", "disruption"];

    public static RunSummary Build(Scenario scenario, IReadOnlyList<RoundReport> rounds)
    {
        var first = rounds[0];
        var last = rounds[^1];
        var membership = rounds.Select(r => new MembershipPoint(r.Round, r.Month, r.Members.Count, r.Members)).ToArray();
        var prices = last.Prices.Select(p => new PricePoint(p.Mineral, p.Stage, p.Member, p.Outsider, p.China, p.Floor)).ToArray();
        var security = first.Security.Zip(last.Security, (a, b) =>
            new SecurityChange(a.Mineral, a.UsImportReliance, b.UsImportReliance, a.ChinaShare, b.ChinaShare)).ToArray();
        var welfare = last.Rows.Where(r => r.Stage == "ore").GroupBy(r => r.Country)
            .Select(g => new WelfarePoint(g.Key, g.Sum(r => r.ConsumerSurplus + r.ProducerSurplus + r.TariffRevenue + r.ExportRent + r.Subsidy + r.ContractTransfer)))
            .ToArray();
        var shocks = rounds.SelectMany(r => r.Events).Where(e => ShockKinds.Contains(e.Kind)).ToArray();
        return new RunSummary(scenario.Name, scenario.Question, scenario.Seed, rounds.Count, first.Month, last.Month,
            membership, prices, security, welfare, shocks);
    }
}

public sealed record MembershipPoint(int Round, string Month, int Count, IReadOnlyList<string> Members);
public sealed record PricePoint(string Mineral, string Stage, double Member, double Outsider, double China, double Floor);
public sealed record SecurityChange(string Mineral, double UsRelianceFirst, double UsRelianceLast, double ChinaShareFirst, double ChinaShareLast);
/// <summary>Welfare change vs the base year in the last round, $/month.</summary>
public sealed record WelfarePoint(string Country, double Change);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class SummaryJson : JsonSerializerContext;
