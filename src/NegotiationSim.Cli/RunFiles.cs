using System.Globalization;
using System.Text;
using System.Text.Json;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli;

/// <summary>Writes a run's reports to its output folder. Invariant culture and round-trip numbers: same run, same bytes.</summary>
public static class RunFiles
{
    private static string N(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
    private static string Q(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static void Write(string dir, Scenario scenario, IReadOnlyList<RoundReport> rounds, string engine)
    {
        Directory.CreateDirectory(dir);
        var rows = new StringBuilder("round,month,country,mineral,stage,output,use,imports,exports,imports_from_china,fob_price,price_index,consumer_surplus,producer_surplus,tariff_revenue,export_rent,subsidy,contract_transfer,contracted_sales,contracted_purchases\n");
        var prices = new StringBuilder("round,month,mineral,stage,member_price,outsider_price,china_price,floor,world_fob\n");
        var flows = new StringBuilder("round,month,mineral,stage,origin,destination,tonnes,delivered_price,contracted_tonnes\n");
        var members = new StringBuilder("round,month,country,member\n");
        var events = new StringBuilder("round,month,kind,country,mineral,stage,value,reason\n");
        var stability = new StringBuilder("round,month,internally_stable,externally_stable,side,country,margin,reasons\n");
        foreach (var r in rounds)
        {
            foreach (var x in r.Rows)
                rows.Append($"{r.Round},{r.Month},{x.Country},{x.Mineral},{x.Stage},{N(x.Output)},{N(x.Use)},{N(x.Imports)},{N(x.Exports)},{N(x.ImportsFromChina)},{N(x.FobPrice)},{N(x.PriceIndex)},{N(x.ConsumerSurplus)},{N(x.ProducerSurplus)},{N(x.TariffRevenue)},{N(x.ExportRent)},{N(x.Subsidy)},{N(x.ContractTransfer)},{N(x.ContractedSales)},{N(x.ContractedPurchases)}\n");
            foreach (var p in r.Prices)
                prices.Append($"{r.Round},{r.Month},{p.Mineral},{p.Stage},{N(p.Member)},{N(p.Outsider)},{N(p.China)},{N(p.Floor)},{N(p.WorldFob)}\n");
            foreach (var f in r.Flows)
                flows.Append($"{r.Round},{r.Month},{f.Mineral},{f.Stage},{f.Origin},{f.Destination},{N(f.Tonnes)},{N(f.DeliveredPrice)},{N(f.ContractedTonnes)}\n");
            foreach (var c in scenario.World.Countries)
                members.Append($"{r.Round},{r.Month},{c.Id},{(r.Members.Contains(c.Id) ? 1 : 0)}\n");
            var st = r.Stability;
            var head = $"{r.Round},{r.Month},{(st.InternallyStable ? 1 : 0)},{(st.ExternallyStable ? 1 : 0)}";
            stability.Append($"{head},,,,\n");
            foreach (var (side, margins) in new[] { ("would_leave", st.WouldLeave), ("would_join", st.WouldJoin) })
                foreach (var m in margins) stability.Append($"{head},{side},{m.Country},{N(m.Margin)},{Q(m.Reasons)}\n");
            foreach (var e in r.Events)
                events.Append($"{e.Round},{r.Month},{e.Kind},{e.Country},{e.Mineral},{e.Stage},{N(e.Value)},{Q(e.Reason)}\n");
        }
        File.WriteAllText(Path.Combine(dir, "rounds.csv"), rows.ToString());
        File.WriteAllText(Path.Combine(dir, "prices.csv"), prices.ToString());
        File.WriteAllText(Path.Combine(dir, "flows.csv"), flows.ToString());
        File.WriteAllText(Path.Combine(dir, "membership.csv"), members.ToString());
        File.WriteAllText(Path.Combine(dir, "events.csv"), events.ToString());
        File.WriteAllText(Path.Combine(dir, "stability.csv"), stability.ToString());
        NegotiationFiles.Write(dir, rounds);
        var summary = RunSummary.Build(scenario, rounds);
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, SummaryJson.Default.RunSummary));
    }
}
