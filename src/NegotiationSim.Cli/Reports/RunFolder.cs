using System.Text.Json;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli.Reports;

/// <summary>
/// A finished run read back from its output folder: what `negsim report` and `negsim compare` work from, so they need
/// neither the scenario nor a rerun. Throws <see cref="RunFolderException"/> (file, line, what is wrong) on bad input.
/// </summary>
public sealed record RunFolder(
    string Dir,
    RunSummary Summary,
    IReadOnlyList<string> Months,
    IReadOnlyList<string> Countries,
    IReadOnlyList<PriceRow> Prices,
    IReadOnlyList<IReadOnlySet<string>> MembersByRound,
    IReadOnlyList<FlowRecord> Flows,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<StabilityRecord> Stability,
    IReadOnlyDictionary<string, double[]> WelfareByRound,
    IReadOnlyList<SecurityRecord> SecurityByRound,
    CsvTable? Deals)
{
    public int Rounds => Months.Count;

    public static RunFolder Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new RunFolderException($"{dir}: no such folder");
        var summary = ReadSummary(Path.Combine(dir, "summary.json"));
        var rounds = summary.Rounds;
        string F(string name) => Path.Combine(dir, name);
        RequireFiles(dir, "prices.csv", "membership.csv", "flows.csv", "events.csv", "stability.csv", "rounds.csv");

        var months = new string[rounds];
        var prices = CsvTable.Read(F("prices.csv"), "round", "month", "mineral", "stage", "member_price", "outsider_price", "china_price", "floor", "world_fob");
        var priceRows = new List<PriceRow>();
        for (var i = 0; i < prices.Rows.Count; i++)
        {
            var r = Round(prices, i, rounds);
            months[r - 1] = prices.Text(i, "month");
            priceRows.Add(new PriceRow(r, prices.Text(i, "mineral"), prices.Text(i, "stage"), prices.Number(i, "member_price"),
                prices.Number(i, "outsider_price"), prices.Number(i, "china_price"), prices.Number(i, "floor"), prices.Number(i, "world_fob")));
        }
        if (months.Any(m => m is null)) throw new RunFolderException($"{F("prices.csv")}: has no rows for some of the {Plural.Of(rounds, "round")} summary.json reports (truncated file?)");

        var membership = CsvTable.Read(F("membership.csv"), "round", "country", "member");
        var countries = new List<string>();
        var members = Enumerable.Range(0, rounds).Select(_ => new SortedSet<string>(StringComparer.Ordinal)).ToArray();
        for (var i = 0; i < membership.Rows.Count; i++)
        {
            var r = Round(membership, i, rounds);
            var c = membership.Text(i, "country");
            if (r == 1) countries.Add(c);
            if (membership.Int(i, "member") == 1) members[r - 1].Add(c);
        }

        var flows = CsvTable.Read(F("flows.csv"), "round", "mineral", "stage", "origin", "destination", "tonnes", "delivered_price");
        var flowRows = new List<FlowRecord>(flows.Rows.Count);
        for (var i = 0; i < flows.Rows.Count; i++)
            flowRows.Add(new FlowRecord(Round(flows, i, rounds), flows.Text(i, "mineral"), flows.Text(i, "stage"), flows.Text(i, "origin"),
                flows.Text(i, "destination"), flows.Number(i, "tonnes"), flows.Number(i, "delivered_price")));

        var events = CsvTable.Read(F("events.csv"), "round", "kind", "country", "mineral", "stage", "value", "reason");
        var eventRows = new List<EventRecord>();
        for (var i = 0; i < events.Rows.Count; i++)
            eventRows.Add(new EventRecord(Round(events, i, rounds), events.Text(i, "kind"), events.Text(i, "country"), events.Text(i, "mineral"),
                events.Text(i, "stage"), events.Number(i, "value"), events.Text(i, "reason")));

        var stability = CsvTable.Read(F("stability.csv"), "round", "internally_stable", "externally_stable", "side", "country", "margin", "reasons");
        var stabilityRows = new List<StabilityRecord>();
        for (var i = 0; i < stability.Rows.Count; i++)
            stabilityRows.Add(new StabilityRecord(Round(stability, i, rounds), stability.Int(i, "internally_stable") == 1,
                stability.Int(i, "externally_stable") == 1, stability.Text(i, "side"), stability.Text(i, "country"),
                stability.Number(i, "margin"), stability.Text(i, "reasons")));

        var (welfare, security) = ReadRounds(F("rounds.csv"), rounds);
        var dealsPath = F("deals.csv");
        var deals = File.Exists(dealsPath) ? CsvTable.Read(dealsPath) : null;
        return new RunFolder(Path.GetFullPath(dir), summary, months, countries, priceRows, members, flowRows, eventRows, stabilityRows,
            welfare, security, deals);
    }

    private static void RequireFiles(string dir, params string[] names)
    {
        var missing = names.Where(n => !File.Exists(Path.Combine(dir, n))).ToArray();
        if (missing.Length > 0)
            throw new RunFolderException($"{dir}: missing {string.Join(", ", missing)} (is this a `negsim run` output folder?)");
    }

    private static RunSummary ReadSummary(string path)
    {
        if (!File.Exists(path))
            throw new RunFolderException($"{path}: missing (is {Path.GetDirectoryName(path)} a `negsim run` output folder?)");
        RunSummary? summary;
        try
        {
            using var stream = File.OpenRead(path);
            summary = JsonSerializer.Deserialize(stream, SummaryJson.Default.RunSummary);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{line + 1}:{e.BytePositionInLine + 1}" : "1";
            throw new RunFolderException($"{path}:{where}: not valid summary JSON ({FirstSentence(e.Message)})");
        }
        catch (IOException e) { throw new RunFolderException($"{path}: cannot be read ({e.Message})"); }
        if (summary is null || summary.Scenario is null || summary.Membership is null || summary.FinalPrices is null
            || summary.Security is null || summary.WelfareByCountry is null || summary.Shocks is null)
            throw new RunFolderException($"{path}: incomplete summary (needs scenario, membership, final_prices, security, welfare_by_country, shocks)");
        if (summary.Rounds is < 1 or > 100_000) throw new RunFolderException($"{path}: rounds is {summary.Rounds}, expected at least 1");
        return summary;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static int Round(CsvTable table, int row, int rounds)
    {
        var r = table.Int(row, "round");
        return r >= 1 && r <= rounds ? r
            : throw new RunFolderException($"{table.Path}: round {r} is outside 1..{rounds} (summary.json says {Plural.Of(rounds, "round")})");
    }

    /// <summary>
    /// Welfare per country per round (ore rows carry each mineral's welfare) and the refined-stage security measures per
    /// round, recomputed as the run defines them: US net import reliance and China's share of world output.
    /// </summary>
    private static (Dictionary<string, double[]>, List<SecurityRecord>) ReadRounds(string path, int rounds)
    {
        var t = CsvTable.Read(path, "round", "country", "mineral", "stage", "output", "use", "imports", "exports",
            "consumer_surplus", "producer_surplus", "tariff_revenue", "export_rent", "subsidy");
        var welfare = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var refined = new Dictionary<(int, string), (double Use, double Net, double China, double Total)>();
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var r = Round(t, i, rounds);
            var country = t.Text(i, "country");
            var mineral = t.Text(i, "mineral");
            var stage = t.Text(i, "stage");
            if (stage == "ore")
            {
                if (!welfare.TryGetValue(country, out var w)) welfare[country] = w = new double[rounds];
                w[r - 1] += t.Number(i, "consumer_surplus") + t.Number(i, "producer_surplus") + t.Number(i, "tariff_revenue")
                    + t.Number(i, "export_rent") + t.Number(i, "subsidy");
            }
            else if (stage == "refined")
            {
                refined.TryGetValue((r, mineral), out var s);
                var output = t.Number(i, "output");
                s.Total += output;
                if (country == "CHN") s.China = output;
                if (country == "USA") { s.Use = t.Number(i, "use"); s.Net = t.Number(i, "imports") - t.Number(i, "exports"); }
                refined[(r, mineral)] = s;
            }
        }
        var security = refined.Select(kv => new SecurityRecord(kv.Key.Item1, kv.Key.Item2,
                kv.Value.Use > 0 ? Math.Clamp(kv.Value.Net / kv.Value.Use, 0, 1) : 0,
                kv.Value.Total > 0 ? kv.Value.China / kv.Value.Total : 0))
            .OrderBy(s => s.Round).ToList();
        return (welfare, security);
    }
}

public sealed record PriceRow(int Round, string Mineral, string Stage, double Member, double Outsider, double China, double Floor, double WorldFob);
public sealed record FlowRecord(int Round, string Mineral, string Stage, string Origin, string Destination, double Tonnes, double DeliveredPrice)
{
    public double Value => Tonnes * DeliveredPrice;
}
public sealed record EventRecord(int Round, string Kind, string Country, string Mineral, string Stage, double Value, string Reason);
public sealed record StabilityRecord(int Round, bool InternallyStable, bool ExternallyStable, string Side, string Country, double Margin, string Reasons);
/// <summary>Refined-stage supply security in one round for one mineral.</summary>
public sealed record SecurityRecord(int Round, string Mineral, double UsImportReliance, double ChinaShare);
