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
    public static RunSummary Build(Scenario scenario, RunDigest rounds)
    {
        var first = rounds.First;
        var last = rounds.Last!;
        var prices = last.Prices.Select(p => new PricePoint(p.Mineral, p.Stage, p.Member, p.Outsider, p.China, p.Floor)).ToArray();
        var security = first.Security.Zip(last.Security, (a, b) =>
            new SecurityChange(a.Mineral, a.UsImportReliance, b.UsImportReliance, a.ChinaShare, b.ChinaShare)).ToArray();
        var welfare = last.Rows.Where(r => r.Stage == "ore").GroupBy(r => r.Country)
            .Select(g => new WelfarePoint(g.Key, g.Sum(r => r.ConsumerSurplus + r.ProducerSurplus + r.TariffRevenue + r.ExportRent + r.Subsidy + r.ContractTransfer)))
            .ToArray();
        return new RunSummary(scenario.Name, scenario.Question, scenario.Seed, rounds.Count, first.Month, last.Month,
            rounds.Membership.ToArray(), prices, security, welfare, rounds.Shocks.ToArray());
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
