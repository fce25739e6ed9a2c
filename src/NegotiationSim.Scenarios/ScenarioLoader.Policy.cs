using NegotiationSim.Core.Bloc;
using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

public static partial class ScenarioLoader
{
    private static BlocRules? ReadBloc(NodeReader r, YamlMappingNode root, WorldDefinition w)
    {
        if (r.Map(root, L.Root.Bloc) is not { } b) return null;
        r.CheckKeys(b, L.BlocRules.Shape);
        var founders = Countries(r, r.List(b, L.BlocRules.Founders), w);
        var floors = new List<PriceFloor>();
        foreach (var item in r.Items(r.List(b, L.BlocRules.Floors)))
        {
            if (item is not YamlMappingNode f) { r.Error(item, "each floor must be a mapping"); continue; }
            r.CheckKeys(f, L.Floor.Shape);
            var m = r.Get(f, L.Floor.Mineral) is { } mn ? Mineral(r, mn, w) : Bad(r, f, "floor: missing 'mineral'", -1);
            var stage = r.Get(f, L.Floor.Stage) is { } sn ? StageOf(r, sn) : Bad<Stage?>(r, f, "floor: missing 'stage'", null);
            if (m < 0 || stage is not { } s) continue;
            var basePrice = w.Minerals[m][s].BasePrice;
            double price;
            if (r.Get(f, L.Floor.Price) is not null && r.Get(f, L.Floor.PriceRatio) is not null)
            {
                r.Error(f, "floor: give 'price' or 'price_ratio', not both");
                continue;
            }
            if (r.Get(f, L.Floor.Price) is not null) price = r.Number(f, L.Floor.Price, basePrice);
            else if (r.Get(f, L.Floor.PriceRatio) is not null) price = basePrice * r.Number(f, L.Floor.PriceRatio, 1);
            else { r.Error(f, "floor: give 'price' ($/t) or 'price_ratio' (× base price)"); continue; }
            floors.Add(new PriceFloor(m, s, price));
        }
        var mode = r.Text(b, L.BlocRules.FloorMode) switch
        {
            null or "border_only" => FloorMode.BorderOnly,
            "border_plus_min_price" => FloorMode.BorderPlusMinPrice,
            "border_plus_stock_support" => FloorMode.BorderPlusStockSupport,
            var o => Bad(r, r.Get(b, L.BlocRules.FloorMode), $"unknown floor_mode '{o}'; use border_only, border_plus_min_price or border_plus_stock_support", FloorMode.BorderOnly),
        };
        var timing = r.Text(b, L.BlocRules.LevyTiming) switch
        {
            null or "lagged" => LevyTiming.Lagged,
            "contemporaneous" => LevyTiming.Contemporaneous,
            var o => Bad(r, r.Get(b, L.BlocRules.LevyTiming), $"unknown levy_timing '{o}'; use lagged or contemporaneous", LevyTiming.Lagged),
        };
        var eligible = r.Get(b, L.BlocRules.Eligible) is null ? null : Countries(r, r.List(b, L.BlocRules.Eligible), w);
        return new BlocRules(r.Text(b, L.BlocRules.Name) ?? L.BlocRules.Name.Default!, founders, floors, mode, timing,
            r.Number(b, L.BlocRules.LevyAdjustment), r.Integer(b, L.BlocRules.NoticeJoin), r.Integer(b, L.BlocRules.NoticeLeave),
            r.Number(b, L.BlocRules.ComplianceCost), eligible, ReadAdmission(r, b));
    }

    /// <summary>`admission` and `admission_threshold`; null (open, as before) when neither is given.</summary>
    private static AdmissionRule? ReadAdmission(NodeReader r, YamlMappingNode b)
    {
        var threshold = r.Get(b, L.BlocRules.AdmissionThreshold);
        var vote = r.Text(b, L.BlocRules.Admission) switch
        {
            null or "open" => false,
            "vote" => true,
            var o => Bad(r, r.Get(b, L.BlocRules.Admission), $"unknown admission '{o}'; use open or vote", false),
        };
        if (!vote)
        {
            if (threshold is not null) r.Error(threshold, "'admission_threshold' needs 'admission: vote' (an open bloc takes no vote)");
            return r.Get(b, L.BlocRules.Admission) is null ? null : AdmissionRule.Open;
        }
        return threshold switch
        {
            null or YamlScalarNode { Value: "majority" } => AdmissionRule.Majority,
            YamlScalarNode { Value: "two_thirds" } => AdmissionRule.TwoThirds,
            YamlScalarNode { Value: "unanimous" } => AdmissionRule.Unanimous,
            YamlScalarNode { Value: { } v } when !double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) =>
                Bad(r, threshold, $"unknown admission_threshold '{v}'; use majority, two_thirds, unanimous or a share of the votes cast from 0.5 to 1", AdmissionRule.Majority),
            _ => AdmissionRule.AtLeast(r.Number(threshold, "admission_threshold", 0.5, 0.5, 1, "share of the votes cast")),
        };
    }

    private static List<int> Countries(NodeReader r, YamlSequenceNode? list, WorldDefinition w) =>
        r.Items(list).Select(n => Country(r, n, w)).Where(i => i >= 0).ToList();

    private static List<ScheduledEvent> ReadEvents(NodeReader r, YamlMappingNode root, WorldDefinition w, int rounds)
    {
        var events = new List<ScheduledEvent>();
        var kinds = L.Event.Kinds;
        var where = new Dictionary<ScheduledEvent, YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var item in r.Items(r.List(root, L.Root.Events)))
        {
            if (item is not YamlMappingNode e) { r.Error(item, "each event must be a mapping"); continue; }
            r.CheckKeys(e, L.Event.Shape);
            var round = r.Integer(e, L.Event.Round, 1);
            if (round > rounds) r.Error(r.Get(e, L.Event.Round), $"event in round {round} is after the last round ({rounds})");
            var present = kinds.Where(k => r.Get(e, k) is not null).ToArray();
            if (present.Length != 1) { r.Error(e, $"an event needs exactly one of: {string.Join(", ", kinds.Select(k => k.Name))}"); continue; }
            var body = r.Map(e, present[0]);
            if (body is null) continue;
            var ev = Events.Read(r, present[0].Name, body, round, w, rounds);
            if (ev is null) continue;
            events.Add(ev);
            where[ev] = body;
        }
        CheckControlIds(r, events, where);
        return events;
    }

    /// <summary>Export-control ids are unique; a suspension names a control announced no later than itself.</summary>
    private static void CheckControlIds(NodeReader r, List<ScheduledEvent> events, Dictionary<ScheduledEvent, YamlNode> where)
    {
        foreach (var dup in events.OfType<ExportControl>().GroupBy(c => c.Id).Where(g => g.Count() > 1))
            foreach (var c in dup.Skip(1))
                r.Error(where[c], $"export_control id '{dup.Key}' is already used by an earlier export_control; ids must be unique so suspend_control can name one");
        foreach (var dup in events.OfType<ScheduledDeal>().GroupBy(d => d.Id).Where(g => g.Count() > 1))
            foreach (var d in dup.Skip(1))
                r.Error(where[d], $"deal id '{dup.Key}' is already used by an earlier deal; reports tell deals apart by id");
        foreach (var s in events.OfType<ControlSuspension>())
        {
            var control = events.OfType<ExportControl>().FirstOrDefault(c => c.Id == s.ControlId);
            if (control is null)
                r.Error(where[s], $"suspend_control names '{s.ControlId}', but no export_control has that id");
            else if (control.Round > s.Round)
                r.Error(where[s], $"suspend_control of '{s.ControlId}' in round {s.Round} comes before the control is announced (round {control.Round})");
        }
    }
}
