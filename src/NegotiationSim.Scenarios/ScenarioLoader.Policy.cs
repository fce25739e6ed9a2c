using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;

namespace NegotiationSim.Scenarios;

public static partial class ScenarioLoader
{
    private static BlocRules? ReadBloc(NodeReader r, YamlMappingNode root, WorldDefinition w)
    {
        if (r.Map(root, "bloc") is not { } b) return null;
        r.CheckKeys(b, "name", "founders", "floors", "floor_mode", "levy_timing", "levy_adjustment", "notice_join",
            "notice_leave", "compliance_cost", "eligible");
        var founders = Countries(r, r.List(b, "founders", required: true), w);
        var floors = new List<PriceFloor>();
        foreach (var item in r.Items(r.List(b, "floors")))
        {
            if (item is not YamlMappingNode f) { r.Error(item, "each floor must be a mapping"); continue; }
            r.CheckKeys(f, "mineral", "stage", "price", "price_ratio");
            var m = r.Get(f, "mineral") is { } mn ? Mineral(r, mn, w) : Bad(r, f, "floor: missing 'mineral'", -1);
            var stage = r.Get(f, "stage") is { } sn ? StageOf(r, sn) : Bad<Stage?>(r, f, "floor: missing 'stage'", null);
            if (m < 0 || stage is not { } s) continue;
            var basePrice = w.Minerals[m][s].BasePrice;
            double price;
            if (r.Get(f, "price") is not null) price = r.Number(f, "price", basePrice, 1e-6, 1e12);
            else if (r.Get(f, "price_ratio") is not null) price = basePrice * r.Number(f, "price_ratio", 1, 0.1, 10);
            else { r.Error(f, "floor: give 'price' ($/t) or 'price_ratio' (× base price)"); continue; }
            floors.Add(new PriceFloor(m, s, price));
        }
        var mode = r.Text(b, "floor_mode") switch
        {
            null or "border_only" => FloorMode.BorderOnly,
            "border_plus_min_price" => FloorMode.BorderPlusMinPrice,
            "border_plus_stock_support" => FloorMode.BorderPlusStockSupport,
            var o => Bad(r, r.Get(b, "floor_mode"), $"unknown floor_mode '{o}'; use border_only, border_plus_min_price or border_plus_stock_support", FloorMode.BorderOnly),
        };
        var timing = r.Text(b, "levy_timing") switch
        {
            null or "lagged" => LevyTiming.Lagged,
            "contemporaneous" => LevyTiming.Contemporaneous,
            var o => Bad(r, r.Get(b, "levy_timing"), $"unknown levy_timing '{o}'; use lagged or contemporaneous", LevyTiming.Lagged),
        };
        var eligible = r.Get(b, "eligible") is null ? null : Countries(r, r.List(b, "eligible"), w);
        return new BlocRules(r.Text(b, "name") ?? "bloc", founders, floors, mode, timing,
            r.Number(b, "levy_adjustment", 0.5, 0.01, 1), r.Integer(b, "notice_join", 1, 0, 24), r.Integer(b, "notice_leave", 3, 0, 24),
            r.Number(b, "compliance_cost", 0.001, 0, 1), eligible);
    }

    private static List<int> Countries(NodeReader r, YamlSequenceNode? list, WorldDefinition w) =>
        r.Items(list).Select(n => Country(r, n, w)).Where(i => i >= 0).ToList();

    private static List<ScheduledEvent> ReadEvents(NodeReader r, YamlMappingNode root, WorldDefinition w, int rounds)
    {
        var events = new List<ScheduledEvent>();
        foreach (var item in r.Items(r.List(root, "events")))
        {
            if (item is not YamlMappingNode e) { r.Error(item, "each event must be a mapping"); continue; }
            var kinds = new[] { "section232", "export_control", "suspend_control", "disruption", "flood", "stockpile", "finance", "join", "leave" };
            r.CheckKeys(e, ["round", .. kinds]);
            var round = r.Integer(e, "round", 1, 1, int.MaxValue, required: true);
            if (round > rounds) r.Error(r.Get(e, "round"), $"event in round {round} is after the last round ({rounds})");
            var present = kinds.Where(k => r.Get(e, k) is not null).ToArray();
            if (present.Length != 1) { r.Error(e, $"an event needs exactly one of: {string.Join(", ", kinds)}"); continue; }
            var body = r.Map(e, present[0]);
            if (body is null) continue;
            var ev = Events.Read(r, present[0], body, round, w);
            if (ev is not null) events.Add(ev);
        }
        foreach (var s in events.OfType<ControlSuspension>())
            if (!events.OfType<ExportControl>().Any(c => c.Id == s.ControlId))
                r.Error(root, $"suspend_control names '{s.ControlId}', but no export_control has that id");
        return events;
    }
}
