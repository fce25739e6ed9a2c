using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli;

/// <summary>
/// The negotiation outputs: deals.csv (every deal's state per round) and negotiations.jsonl (one finished session a
/// line, with its transcript). Invariant culture and round-trip numbers, like the other files.
/// </summary>
public static class NegotiationFiles
{
    private static string N(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
    private static string Q(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static void Write(string dir, IReadOnlyList<RoundReport> rounds)
    {
        var deals = new StringBuilder("round,month,deal,status,buyer,seller,mineral,stage,volume,delivered_tonnes,contract_price,spot_price,start,end,buyer_cut,seller_cut,investment,process_in_seller,transfer_to_buyer,note\n");
        var sessions = new StringBuilder();
        foreach (var r in rounds)
        {
            foreach (var d in r.Deals)
                deals.Append($"{r.Round},{r.Month},{d.Id},{d.Status},{d.Buyer},{d.Seller},{d.Mineral},{d.Stage},{N(d.Volume)},{N(d.Delivered)},{N(d.ContractPrice)},{N(d.SpotPrice)},{d.Start},{d.End},{N(d.BuyerCut)},{N(d.SellerCut)},{N(d.Investment)},{(d.ProcessInSeller ? 1 : 0)},{N(d.Transfer)},{Q(d.Note)}\n");
            foreach (var s in r.Sessions)
                sessions.Append(JsonSerializer.Serialize(new SessionLine(r.Round, r.Month, s), NegotiationJson.Default.SessionLine)).Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "deals.csv"), deals.ToString());
        File.WriteAllText(Path.Combine(dir, "negotiations.jsonl"), sessions.ToString());
    }
}

/// <summary>One line of negotiations.jsonl: the round the session ended in and its report.</summary>
public sealed record SessionLine(int Round, string Month, SessionReport Session);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SessionLine))]
internal sealed partial class NegotiationJson : JsonSerializerContext;
