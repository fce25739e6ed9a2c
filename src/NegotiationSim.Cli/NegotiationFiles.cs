using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli;

/// <summary>
/// The negotiation outputs, written by <see cref="RunFiles"/> round by round: deals.csv (every deal's state per round)
/// and negotiations.jsonl (one finished session a line, with its transcript). Invariant culture and round-trip numbers,
/// like the other files.
/// </summary>
internal sealed class NegotiationFiles(StreamWriter deals, StreamWriter sessions)
{
    public const string DealsHeader = "round,month,deal,status,buyer,seller,mineral,stage,volume,delivered_tonnes,contract_price,spot_price,start,end,buyer_cut,seller_cut,investment,process_in_seller,transfer_to_buyer,note\n";

    private static string N(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);

    public IEnumerable<StreamWriter> Writers => [deals, sessions];

    public void Add(RoundReport r)
    {
        foreach (var d in r.Deals)
            deals.Write($"{r.Round},{r.Month},{d.Id},{d.Status},{d.Buyer},{d.Seller},{d.Mineral},{d.Stage},{N(d.Volume)},{N(d.Delivered)},{N(d.ContractPrice)},{N(d.SpotPrice)},{d.Start},{d.End},{N(d.BuyerCut)},{N(d.SellerCut)},{N(d.Investment)},{(d.ProcessInSeller ? 1 : 0)},{N(d.Transfer)},{RunFiles.Q(d.Note)}\n");
        foreach (var s in r.Sessions)
        {
            sessions.Write(JsonSerializer.Serialize(new SessionLine(r.Round, r.Month, s), NegotiationJson.Default.SessionLine));
            sessions.Write('\n');
        }
    }
}

/// <summary>One line of negotiations.jsonl: the round the session ended in and its report.</summary>
public sealed record SessionLine(int Round, string Month, SessionReport Session);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SessionLine))]
internal sealed partial class NegotiationJson : JsonSerializerContext;
