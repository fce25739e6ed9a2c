using System.Globalization;
using System.Text;
using System.Text.Json;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli;

/// <summary>
/// Writes a run's reports to its output folder round by round, as each round finishes, so no report is kept for the
/// end (a 200-country run makes ~10 MiB of rows a round). Invariant culture and round-trip numbers: same run, same bytes.
/// Each file is written beside its final name as "name.partial" and moved into place by <see cref="Complete"/>;
/// <see cref="Discard"/> (or disposing before Complete) deletes them, so a failed run leaves the folder as it was.
/// </summary>
public sealed class RunFiles : IDisposable
{
    private const string Partial = ".partial";
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private static string N(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
    internal static string Q(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private readonly string dir;
    private readonly bool createdDir;
    private readonly Scenario scenario;
    private readonly StreamWriter rows, prices, flows, members, events, stability;
    private readonly NegotiationFiles negotiation;
    private readonly List<string> written = [];
    private bool closed;

    /// <summary>What the summary needs from the rounds written so far.</summary>
    public RunDigest Digest { get; } = new();

    public RunFiles(string dir, Scenario scenario)
    {
        this.dir = dir;
        this.scenario = scenario;
        createdDir = !Directory.Exists(dir);
        Directory.CreateDirectory(dir);
        try
        {
            rows = Open("rounds.csv", "round,month,country,mineral,stage,output,use,imports,exports,imports_from_china,fob_price,price_index,consumer_surplus,producer_surplus,tariff_revenue,export_rent,subsidy,contract_transfer,contracted_sales,contracted_purchases\n");
            prices = Open("prices.csv", "round,month,mineral,stage,member_price,outsider_price,china_price,floor,world_fob\n");
            flows = Open("flows.csv", "round,month,mineral,stage,origin,destination,tonnes,delivered_price,contracted_tonnes\n");
            members = Open("membership.csv", "round,month,country,member\n");
            events = Open("events.csv", "round,month,kind,country,mineral,stage,value,reason\n");
            stability = Open("stability.csv", "round,month,internally_stable,externally_stable,side,country,margin,reasons\n");
            negotiation = new NegotiationFiles(Open("deals.csv", NegotiationFiles.DealsHeader), Open("negotiations.jsonl", ""));
        }
        catch
        {
            Discard();
            throw;
        }
    }

    /// <summary>Writes a whole run at once (the reports are already in memory).</summary>
    public static RunDigest Write(string dir, Scenario scenario, IEnumerable<RoundReport> rounds)
    {
        using var files = new RunFiles(dir, scenario);
        foreach (var r in rounds) files.Add(r);
        files.Complete();
        return files.Digest;
    }

    private StreamWriter Open(string name, string header)
    {
        var path = Path.Combine(dir, name + Partial);
        written.Add(name);
        var writer = new StreamWriter(path, false, Utf8, 1 << 16);
        writer.Write(header);
        return writer;
    }

    private IEnumerable<StreamWriter> Writers => new[] { rows, prices, flows, members, events, stability }.Concat(negotiation?.Writers ?? []).Where(w => w is not null);

    public void Add(RoundReport r)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        foreach (var x in r.Rows)
            rows.Write($"{r.Round},{r.Month},{x.Country},{x.Mineral},{x.Stage},{N(x.Output)},{N(x.Use)},{N(x.Imports)},{N(x.Exports)},{N(x.ImportsFromChina)},{N(x.FobPrice)},{N(x.PriceIndex)},{N(x.ConsumerSurplus)},{N(x.ProducerSurplus)},{N(x.TariffRevenue)},{N(x.ExportRent)},{N(x.Subsidy)},{N(x.ContractTransfer)},{N(x.ContractedSales)},{N(x.ContractedPurchases)}\n");
        foreach (var p in r.Prices)
            prices.Write($"{r.Round},{r.Month},{p.Mineral},{p.Stage},{N(p.Member)},{N(p.Outsider)},{N(p.China)},{N(p.Floor)},{N(p.WorldFob)}\n");
        foreach (var f in r.Flows)
            flows.Write($"{r.Round},{r.Month},{f.Mineral},{f.Stage},{f.Origin},{f.Destination},{N(f.Tonnes)},{N(f.DeliveredPrice)},{N(f.ContractedTonnes)}\n");
        var inBloc = r.Members.ToHashSet();
        foreach (var c in scenario.World.Countries)
            members.Write($"{r.Round},{r.Month},{c.Id},{(inBloc.Contains(c.Id) ? 1 : 0)}\n");
        var st = r.Stability;
        var head = $"{r.Round},{r.Month},{(st.InternallyStable ? 1 : 0)},{(st.ExternallyStable ? 1 : 0)}";
        stability.Write($"{head},,,,\n");
        foreach (var (side, margins) in new[] { ("would_leave", st.WouldLeave), ("would_join", st.WouldJoin) })
            foreach (var m in margins) stability.Write($"{head},{side},{m.Country},{N(m.Margin)},{Q(m.Reasons)}\n");
        foreach (var e in r.Events)
            events.Write($"{e.Round},{r.Month},{e.Kind},{e.Country},{e.Mineral},{e.Stage},{N(e.Value)},{Q(e.Reason)}\n");
        negotiation.Add(r);
        Digest.Add(r);
    }

    /// <summary>Writes summary.json and moves every file into place. Needs at least one round.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        var summary = RunSummary.Build(scenario, Digest);
        File.WriteAllText(Path.Combine(dir, "summary.json" + Partial), JsonSerializer.Serialize(summary, SummaryJson.Default.RunSummary));
        written.Add("summary.json");
        Close();
        foreach (var name in written) File.Move(Path.Combine(dir, name + Partial), Path.Combine(dir, name), overwrite: true);
    }

    /// <summary>Deletes what this run wrote (and the folder, when the run created it and it is empty).</summary>
    public void Discard()
    {
        if (closed) return;
        Close();
        foreach (var name in written)
        {
            try { File.Delete(Path.Combine(dir, name + Partial)); }
            catch (IOException) { }
        }
        if (createdDir && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
            Directory.Delete(dir);
    }

    private void Close()
    {
        closed = true;
        foreach (var w in Writers) w.Dispose();
    }

    public void Dispose() => Discard();
}
