namespace NegotiationSim.Cli.Reports;

/// <summary>
/// What differs between two runs — the analyst's "what did this policy change?". Only differences are kept; runs of
/// different lengths are compared at each run's last month. Values are A then B; nothing here formats or prints.
/// </summary>
public sealed record RunComparison(
    RunFolder A, RunFolder B,
    IReadOnlyList<SetupDiff> Setup,
    IReadOnlyList<PriceDiff> Prices,
    IReadOnlyList<MembershipDiff> Membership,
    IReadOnlyList<WelfareDiff> Welfare,
    IReadOnlyList<SecurityDiff> Security,
    IReadOnlyList<EventDiff> Events)
{
    public bool Identical => Prices.Count == 0 && Membership.Count == 0 && Welfare.Count == 0 && Security.Count == 0 && Events.Count == 0;

    /// <summary>Equal up to the last few bits: byte-identical runs compare equal; any real change shows.</summary>
    internal static bool Same(double a, double b) =>
        double.IsNaN(a) && double.IsNaN(b) || Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    public static RunComparison Of(RunFolder a, RunFolder b)
    {
        var setup = new List<SetupDiff>();
        void S(string what, string x, string y) { if (x != y) setup.Add(new SetupDiff(what, x, y)); }
        S("scenario", a.Summary.Scenario, b.Summary.Scenario);
        S("seed", a.Summary.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Summary.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        S("rounds", a.Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        S("months", $"{a.Summary.FirstMonth} – {a.Summary.LastMonth}", $"{b.Summary.FirstMonth} – {b.Summary.LastMonth}");
        // Different worlds still compare on what they share; say what they do not, so "–" in a table is not a surprise.
        Only("countries", a.Countries, b.Countries);
        Only("minerals", a.Prices.Select(p => p.Mineral).Distinct().ToArray(), b.Prices.Select(p => p.Mineral).Distinct().ToArray());
        void Only(string what, IReadOnlyList<string> x, IReadOnlyList<string> y)
        {
            if (x.Order(StringComparer.Ordinal).SequenceEqual(y.Order(StringComparer.Ordinal))) return;
            static string List(IEnumerable<string> items) => items.Count() > 8 ? $"{string.Join(", ", items.Take(8))} … ({items.Count()})" : string.Join(", ", items);
            setup.Add(new SetupDiff($"{what} in one run only", List(x.Except(y)), List(y.Except(x))));
        }
        return new RunComparison(a, b, setup, DiffPrices(a, b), DiffMembership(a, b), DiffWelfare(a, b), DiffSecurity(a, b), DiffEvents(a, b));
    }

    private static List<PriceDiff> DiffPrices(RunFolder a, RunFolder b)
    {
        var lastA = a.Prices.Where(p => p.Round == a.Rounds).ToDictionary(p => (p.Mineral, p.Stage));
        var lastB = b.Prices.Where(p => p.Round == b.Rounds).ToDictionary(p => (p.Mineral, p.Stage));
        var diffs = new List<PriceDiff>();
        foreach (var key in lastA.Keys.Concat(lastB.Keys).Distinct())
        {
            var pa = lastA.GetValueOrDefault(key);
            var pb = lastB.GetValueOrDefault(key);
            var d = new PriceDiff(key.Mineral, key.Stage, pa?.Member ?? double.NaN, pb?.Member ?? double.NaN, pa?.Outsider ?? double.NaN,
                pb?.Outsider ?? double.NaN, pa?.China ?? double.NaN, pb?.China ?? double.NaN, pa?.Floor ?? double.NaN, pb?.Floor ?? double.NaN);
            if (!(Same(d.MemberA, d.MemberB) && Same(d.OutsiderA, d.OutsiderB) && Same(d.ChinaA, d.ChinaB) && Same(d.FloorA, d.FloorB)))
                diffs.Add(d);
        }
        return diffs.OrderByDescending(d => d.LargestChange).ToList();
    }

    private static List<MembershipDiff> DiffMembership(RunFolder a, RunFolder b)
    {
        var diffs = new List<MembershipDiff>();
        foreach (var c in a.Countries.Concat(b.Countries).Distinct())
        {
            var monthsA = a.MembersByRound.Count(m => m.Contains(c));
            var monthsB = b.MembersByRound.Count(m => m.Contains(c));
            var endA = a.MembersByRound[^1].Contains(c);
            var endB = b.MembersByRound[^1].Contains(c);
            var firstDiff = Enumerable.Range(0, Math.Min(a.Rounds, b.Rounds))
                .FirstOrDefault(r => a.MembersByRound[r].Contains(c) != b.MembersByRound[r].Contains(c), -1);
            if (monthsA != monthsB || endA != endB || firstDiff >= 0)
                diffs.Add(new MembershipDiff(c, monthsA, monthsB, endA, endB, firstDiff >= 0 ? a.Months[firstDiff] : ""));
        }
        return diffs;
    }

    private static List<WelfareDiff> DiffWelfare(RunFolder a, RunFolder b)
    {
        var wa = a.Summary.WelfareByCountry.ToDictionary(w => w.Country, w => w.Change);
        var wb = b.Summary.WelfareByCountry.ToDictionary(w => w.Country, w => w.Change);
        return wa.Keys.Concat(wb.Keys).Distinct()
            .Select(c => new WelfareDiff(c, wa.GetValueOrDefault(c, double.NaN), wb.GetValueOrDefault(c, double.NaN)))
            .Where(d => !Same(d.A, d.B))
            .OrderByDescending(d => double.IsNaN(d.B - d.A) ? double.MaxValue : Math.Abs(d.B - d.A)).ToList();
    }

    private static List<SecurityDiff> DiffSecurity(RunFolder a, RunFolder b)
    {
        var sa = a.Summary.Security.ToDictionary(s => s.Mineral);
        var sb = b.Summary.Security.ToDictionary(s => s.Mineral);
        return sa.Keys.Concat(sb.Keys).Distinct()
            .Select(m => new SecurityDiff(m, sa.GetValueOrDefault(m)?.UsRelianceLast ?? double.NaN, sb.GetValueOrDefault(m)?.UsRelianceLast ?? double.NaN,
                sa.GetValueOrDefault(m)?.ChinaShareLast ?? double.NaN, sb.GetValueOrDefault(m)?.ChinaShareLast ?? double.NaN))
            .Where(d => !Same(d.UsRelianceA, d.UsRelianceB) || !Same(d.ChinaShareA, d.ChinaShareB)).ToList();
    }

    /// <summary>Events that happened in one run and not the other (same month, kind, who and what), in time order.</summary>
    private static List<EventDiff> DiffEvents(RunFolder a, RunFolder b)
    {
        static string Key(RunFolder r, EventRecord e) => $"{r.Months[e.Round - 1]}|{e.Kind}|{e.Country}|{e.Mineral}|{e.Stage}";
        var inA = a.Events.Where(e => !ReportPage.RoutineKinds.Contains(e.Kind)).ToLookup(e => Key(a, e));
        var inB = b.Events.Where(e => !ReportPage.RoutineKinds.Contains(e.Kind)).ToLookup(e => Key(b, e));
        var diffs = new List<EventDiff>();
        foreach (var g in inA) foreach (var e in g.Skip(inB[g.Key].Count())) diffs.Add(new EventDiff("A only", a.Months[e.Round - 1], e));
        foreach (var g in inB) foreach (var e in g.Skip(inA[g.Key].Count())) diffs.Add(new EventDiff("B only", b.Months[e.Round - 1], e));
        return diffs.OrderBy(d => d.Month, StringComparer.Ordinal).ThenBy(d => d.Run, StringComparer.Ordinal).ToList();
    }
}

public sealed record SetupDiff(string What, string A, string B);

public sealed record PriceDiff(string Mineral, string Stage, double MemberA, double MemberB, double OutsiderA, double OutsiderB,
    double ChinaA, double ChinaB, double FloorA, double FloorB)
{
    /// <summary>The largest relative move among the three prices; a price that appears or vanishes counts as largest.</summary>
    public double LargestChange => new[] { (MemberA, MemberB), (OutsiderA, OutsiderB), (ChinaA, ChinaB), (FloorA, FloorB) }
        .Select(p => RunComparison.Same(p.Item1, p.Item2) ? 0 : double.IsNaN(p.Item1) || double.IsNaN(p.Item2) || p.Item1 == 0 ? double.MaxValue : Math.Abs(p.Item2 / p.Item1 - 1))
        .Max();
}

/// <summary>A country whose bloc membership differs: months as a member, member at the end, first month that differs.</summary>
public sealed record MembershipDiff(string Country, int MonthsA, int MonthsB, bool EndA, bool EndB, string FirstDifference);

/// <summary>Welfare change vs the base year in each run's last month, $/month.</summary>
public sealed record WelfareDiff(string Country, double A, double B);

/// <summary>Refined-stage supply security in each run's last month.</summary>
public sealed record SecurityDiff(string Mineral, double UsRelianceA, double UsRelianceB, double ChinaShareA, double ChinaShareB);

public sealed record EventDiff(string Run, string Month, EventRecord Event);
