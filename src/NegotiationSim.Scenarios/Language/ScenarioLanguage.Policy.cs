namespace NegotiationSim.Scenarios.Language;

public static partial class ScenarioLanguage
{
    /// <summary>`bloc`.</summary>
    public static class BlocRules
    {
        public static readonly Shape Shape = new("bloc", "The preferential bloc (MODEL.md §2.4, §4): members trade inside reference prices that a levy on outsiders keeps.");
        public static readonly Key Name = Shape.Add("name", new TextValue(), "Display name.", "FORGE", defaultValue: "bloc");
        public static readonly Key Founders = Shape.Add("founders", new ListValue(CountryId), "Members from round 1.", "[USA, AUS, JPN]", required: true);
        public static readonly Key Floors = Shape.Add("floors", new ListValue(new ShapeValue(Floor.Shape)), "Reference prices the bloc keeps, per mineral and stage.", "see `bloc.floors[]`");
        public static readonly Key FloorMode = Shape.Add("floor_mode", new ChoiceValue("border_only", "border_plus_min_price", "border_plus_stock_support"), "How the floor is kept: a levy at the border only, plus a minimum price inside the bloc, or plus stock purchases.", "border_only", defaultValue: "border_only");
        public static readonly Key LevyTiming = Shape.Add("levy_timing", new ChoiceValue("lagged", "contemporaneous"), "Whether the levy is set from last round's prices or solved within the round.", "lagged", defaultValue: "lagged");
        public static readonly Key LevyAdjustment = Shape.Add("levy_adjustment", Num(0.01, 1, "share of the gap closed per round"), "How fast the levy moves toward the gap between the floor and the outside price.", "0.5", defaultValue: "0.5");
        public static readonly Key NoticeJoin = Shape.Add("notice_join", Whole(0, 24, Rounds), "Rounds between deciding to join and membership.", "1", defaultValue: "1");
        public static readonly Key NoticeLeave = Shape.Add("notice_leave", Whole(0, 24, Rounds), "Rounds between deciding to leave and leaving.", "3", defaultValue: "3");
        public static readonly Key ComplianceCost = Shape.Add("compliance_cost", Num(0, 1, "share of the member's mineral stake per round"), "Cost of meeting the bloc's rules.", "0.002", defaultValue: "0.001");
        public static readonly Key Eligible = Shape.Add("eligible", new ListValue(CountryId), "Who may join (China never may).", "[USA, AUS, JPN, KOR, CAN]", defaultValue: "every country but China");
        public static readonly Key Admission = Shape.Add("admission", new ChoiceValue("open", "vote"), "How an eligible country gets in: `open` (it decides to join), or `vote` (it applies and the members vote on it the next round; docs/bloc-admission.md).", "vote", defaultValue: "open");
        public static readonly Key AdmissionThreshold = Shape.Add("admission_threshold", new EitherValue(new ChoiceValue("majority", "two_thirds", "unanimous"), Num(0.5, 1, "share of the votes cast")), "Under `admission: vote`, the votes to admit an applicant needs: `majority` (more than half of the votes cast), `two_thirds`, `unanimous`, or at least a share of the votes cast. Abstentions are not cast.", "two_thirds", defaultValue: "majority");
    }

    /// <summary>`bloc.floors[]`.</summary>
    public static class Floor
    {
        public static readonly Shape Shape = new("bloc.floors[]", "A reference price at one stage of one mineral: give `price` or `price_ratio`, not both.");
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "The mineral.", "lithium", required: true);
        public static readonly Key Stage = Shape.Add("stage", StageName, "The stage.", "refined", required: true);
        public static readonly Key Price = Shape.Add("price", Num(1e-6, 1e12, PricePerTonne), "The floor as a price.", "73500");
        public static readonly Key PriceRatio = Shape.Add("price_ratio", Num(0.1, 10, "multiple of the stage's base price"), "The floor relative to the base-year price.", "1.17");

        static Floor() => Shape.OneOf(Price, PriceRatio);
    }

    /// <summary>`events[]`.</summary>
    public static class Event
    {
        public static readonly Shape Shape = new("events[]", "One scheduled event: its `round` and exactly one kind, whose mapping holds the details.");
        public static readonly Key Round = Shape.Add("round", Whole(1, double.PositiveInfinity, "round number; round 1 is start_month"), "When it happens; at most `rounds`.", "6", required: true);
        public static readonly Key Section232 = Shape.Add("section232", new ShapeValue(Section232Body.Shape), "A Section 232 ultimatum: join the bloc by the deadline or face a tariff.", "see `events[].section232`");
        public static readonly Key ExportControl = Shape.Add("export_control", new ShapeValue(ExportControlBody.Shape), "An export control (MODEL.md §5.1).", "see `events[].export_control`");
        public static readonly Key SuspendControl = Shape.Add("suspend_control", new ShapeValue(SuspendBody.Shape), "Suspends an earlier export control.", "{ id: ree-licence }");
        public static readonly Key Disruption = Shape.Add("disruption", new ShapeValue(DisruptionBody.Shape), "A supply disruption (strike, flood, coup).", "see `events[].disruption`");
        public static readonly Key Flood = Shape.Add("flood", new ShapeValue(FloodBody.Shape), "Predatory pricing: an export subsidy for a while (MODEL.md §5.2).", "see `events[].flood`");
        public static readonly Key Stockpile = Shape.Add("stockpile", new ShapeValue(StockpileBody.Shape), "A public stockpile programme (MODEL.md §5.4), e.g. Project Vault.", "see `events[].stockpile`");
        public static readonly Key Finance = Shape.Add("finance", new ShapeValue(FinanceBody.Shape), "A lender pays for new capacity in an existing producer, at once or when the producer joins the bloc.", "see `events[].finance`");
        public static readonly Key Join = Shape.Add("join", new ShapeValue(MoveBody.Shape), "A country joins the bloc by political decision.", "{ country: UKR }");
        public static readonly Key Leave = Shape.Add("leave", new ShapeValue(MoveBody.Shape), "A country leaves the bloc by political decision.", "{ country: KOR }");

        public static readonly Key Deal = Shape.Add("deal", new ShapeValue(DealBody.Shape), "A bilateral deal signed in this round (e.g. a framework agreement already in force), in force from the next.", "see `events[].deal`");
        static Event() => Shape.OneOf(Section232, ExportControl, SuspendControl, Disruption, Flood, Stockpile, Finance, Deal, Join, Leave);

        /// <summary>The event kinds, in the order the language lists them.</summary>
        public static IReadOnlyList<Key> Kinds => Shape.ExactlyOne.Select(k => Shape.Find(k)!).ToArray();
    }

    /// <summary>`events[].section232`.</summary>
    public static class Section232Body
    {
        public static readonly Shape Shape = new("events[].section232", "The bloc leader names exporters: agree (join the bloc) by the deadline or face the tariff on exports to it, imposed with the given credibility.");
        public static readonly Key Targets = Shape.Add("targets", new EitherValue(new ChoiceValue("auto"), new ListValue(CountryId)), "Who is threatened: `auto` (every non-member exporting processed minerals to the leader) or a list.", "[CHN, CAN, MEX]", required: true);
        public static readonly Key Stages = Shape.Add("stages", new ListValue(StageName), "The stages the tariff would hit.", "[refined, product]", required: true);
        public static readonly Key Rate = Shape.Add("rate", Num(0, 5, "ad-valorem share (0.25 = 25%)"), "The threatened tariff.", "0.25", defaultValue: "0.25");
        public static readonly Key Credibility = Shape.Add("credibility", Num(0, 1, "probability"), "Chance the tariff is imposed at the deadline.", "0.5", defaultValue: "0.5");
        public static readonly Key Deadline = Shape.Add("deadline", Whole(1, double.PositiveInfinity, "round number"), "The round by which targets must agree; not before the event's round.", "6", required: true);
    }

    /// <summary>`events[].export_control`.</summary>
    public static class ExportControlBody
    {
        public static readonly Shape Shape = new("events[].export_control", "An export control, announced in the event's round and biting from `effective`.");
        public static readonly Key Id = Shape.Add("id", new TextValue(), "Name that `suspend_control` refers to; unique in the scenario.", "ga-licence", required: true);
        public static readonly Key Exporter = Shape.Add("exporter", CountryId, "The country imposing the control.", "CHN", required: true);
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "The mineral.", "gallium", required: true);
        public static readonly Key Stages = Shape.Add("stages", new ListValue(StageName), "The stages controlled.", "[refined]", required: true);
        public static readonly Key Targets = Shape.Add("targets", new EitherValue(new ChoiceValue("all", "bloc"), new ListValue(CountryId)), "Destinations: `all`, `bloc` (the bloc's members) or a list of countries.", "all", defaultValue: "all");
        public static readonly Key Kind = Shape.Add("kind", new ChoiceValue("ban", "licence", "license", "quota"), "A ban, a licensing regime (approvals ramp up), or a quota.", "licence", required: true);
        public static readonly Key Effective = Shape.Add("effective", Whole(1, double.PositiveInfinity, "round number"), "The round it starts to bite; not before the announcement, not after the last round.", "3", defaultValue: "the event's round");
        public static readonly Key LicenceDelay = Shape.Add("licence_delay", Whole(0, 24, Rounds), "Rounds before the first licences are granted.", "2", defaultValue: "2");
        public static readonly Key ApprovalRamp = Shape.Add("approval_ramp", Num(0, 1, PerRound), "How fast licence approvals rise after the delay.", "0.15", defaultValue: "0.15");
        public static readonly Key Quota = Shape.Add("quota", Num(0, 1, "share of base-year exports"), "What a quota allows out.", "0.43", defaultValue: "0.5");
        public static readonly Key Leakage = Shape.Add("leakage", Num(0, 1, Share), "Share of controlled trade that still leaks out through hubs.", "0.15", defaultValue: "0.15");
        public static readonly Key LeakCost = Shape.Add("leak_cost", Num(0, 2, "ad-valorem share of the price (0.2 = 20%)"), "Extra cost of leaked trade.", "0.2", defaultValue: "0.2");
        public static readonly Key EnforcementDecay = Shape.Add("enforcement_decay", Num(0, 1, PerRound), "How fast leakage falls as enforcement tightens (leakage × e^(−decay × rounds since effective)).", "0.05", defaultValue: "0.05");
        public static readonly Key Hubs = Shape.Add("hubs", new ListValue(CountryId), "Countries through which controlled trade leaks.", "[THA, MEX]", defaultValue: "none");
    }

    /// <summary>`events[].suspend_control`.</summary>
    public static class SuspendBody
    {
        public static readonly Shape Shape = new("events[].suspend_control", "Suspends an export control announced in an earlier or the same round.");
        public static readonly Key Id = Shape.Add("id", new RefValue("export control"), "The `id` of the export control.", "ree-licence", required: true);
    }

    /// <summary>`events[].disruption`.</summary>
    public static class DisruptionBody
    {
        public static readonly Shape Shape = new("events[].disruption", "A supply disruption at one country, mineral and stage.");
        public static readonly Key Country = Shape.Add("country", CountryId, "Where.", "COD", required: true);
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "Which mineral.", "cobalt", required: true);
        public static readonly Key Stage = Shape.Add("stage", StageName, "Which stage.", "ore", defaultValue: "refined");
        public static readonly Key Severity = Shape.Add("severity", Num(0, 1, "share of output lost"), "How much output is lost.", "0.5", defaultValue: "0.5");
        public static readonly Key Duration = Shape.Add("duration", Whole(1, 240, Rounds), "How long it lasts.", "4", defaultValue: "4");
    }

    /// <summary>`events[].flood`.</summary>
    public static class FloodBody
    {
        public static readonly Shape Shape = new("events[].flood", "A dominant supplier subsidises exports to push out new entrants.");
        public static readonly Key Exporter = Shape.Add("exporter", CountryId, "Who floods.", "CHN", required: true);
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "Which mineral.", "lithium", required: true);
        public static readonly Key Stage = Shape.Add("stage", StageName, "Which stage.", "refined", defaultValue: "refined");
        public static readonly Key Subsidy = Shape.Add("subsidy", Num(0, 0.9, "ad-valorem share of the price (0.2 = 20%)"), "The export subsidy.", "0.2", defaultValue: "0.2");
        public static readonly Key Duration = Shape.Add("duration", Whole(1, 240, Rounds), "How long it lasts.", "12", defaultValue: "12");
    }

    /// <summary>`events[].stockpile`.</summary>
    public static class StockpileBody
    {
        public static readonly Shape Shape = new("events[].stockpile", "A public stockpile: buys when prices are low, releases when they spike.");
        public static readonly Key Country = Shape.Add("country", CountryId, "Who holds the stockpile.", "USA", required: true);
        public static readonly Key Budget = Shape.Add("budget", Num(0, 1e13, "US$"), "Money for purchases.", "12000000000", required: true);
        public static readonly Key Minerals = Shape.Add("minerals", new ListValue(MineralId), "What it buys.", "[gallium, germanium]", required: true);
        public static readonly Key BuyRate = Shape.Add("buy_rate", Num(0, 1, "share of a month's use, per round"), "How much it buys each round while the budget lasts.", "0.05", defaultValue: "0.05");
        public static readonly Key ReleaseRate = Shape.Add("release_rate", Num(0, 1, "share of a month's use, per round"), "How much it releases each round in a spike.", "0.15", defaultValue: "0.15");
        public static readonly Key ReleaseTrigger = Shape.Add("release_trigger", Num(0, 10, "price rise over the running average (0.5 = 50% above)"), "The spike that triggers releases.", "0.5", defaultValue: "0.5");
        public static readonly Key BuyBelow = Shape.Add("buy_below", Num(0.01, 100, "multiple of the refined stage's base-year price"), "Buys steadily whenever the refined price is below this level, instead of below the bloc's floor or the 12-month average price.", "1.1", defaultValue: "the bloc's floor, else the 12-month average price");
    }

    /// <summary>`events[].finance`.</summary>
    public static class FinanceBody
    {
        public static readonly Shape Shape = new("events[].finance", "A financing offer (EXIM/DFC loan, equity, framework money; MODEL.md §4.1, §5.5): the lender pays for new capacity in a country that already produces at that stage. With `requires_membership` the money is committed only once the country is a bloc member, and until then the offer counts in its membership payoff.");
        public static readonly Key Lender = Shape.Add("lender", CountryId, "Who pays.", "USA", required: true);
        public static readonly Key Country = Shape.Add("country", CountryId, "Where the capacity is built; it must already produce the mineral at that stage in the base world.", "AUS", required: true);
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "The mineral.", "gallium", required: true);
        public static readonly Key Stage = Shape.Add("stage", StageName, "The stage.", "refined", defaultValue: "refined");
        public static readonly Key Amount = Shape.Add("amount", Num(0, 1e13, "US$"), "The money offered.", "150000000", required: true);
        public static readonly Key Capacity = Shape.Add("capacity", Num(0, 1e12, "t per year of the mineral's unit"), "The new capacity it pays for.", "60", required: true);
        public static readonly Key LeadTime = Shape.Add("lead_time", Whole(1, 240, Rounds), "Rounds from the money's commitment to the capacity's arrival.", "36", defaultValue: "60 (ore), 36 (refined, product)");
        public static readonly Key RequiresMembership = Shape.Add("requires_membership", new BooleanValue(), "Whether the money waits until the country is a bloc member.", "true", defaultValue: "false");
    }

    /// <summary>`events[].deal`: the terms are values of the negotiation's deal grid (MODEL.md §3.2).</summary>
    public static class DealBody
    {
        public static readonly Shape Shape = new("events[].deal", "A signed bilateral deal (MODEL.md §3.2, §3.6) on the negotiation's grid of terms: valued on the round's market and applied like a negotiated one (tariff cuts, contracted offtake, contract price, investment, processing clause; a deal with the bloc leader ends the partner's Section 232 threat).");
        public static readonly Key Id = Shape.Add("id", new TextValue(), "A name for the deal in reports.", "US-AUS-2025", required: true);
        public static readonly Key Buyer = Shape.Add("buyer", CountryId, "The importing side.", "USA", required: true);
        public static readonly Key Seller = Shape.Add("seller", CountryId, "The exporting side.", "AUS", required: true);
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "The mineral.", "rare_earths", required: true);
        public static readonly Key Stage = Shape.Add("stage", StageName, "The stage traded.", "refined", defaultValue: "refined");
        public static readonly Key Offtake = Shape.Add("offtake", Num(0, 0.4, "share of the seller's exports open to contract: 0, 0.05, 0.1, 0.2 or 0.4"), "Contracted volume the buyer takes each month. All of a seller's contracts in a market take at most half its exports, so this is a share of that half less what is already contracted.", "0.2", defaultValue: "0");
        public static readonly Key Price = Shape.Add("price", Num(-0.2, 0.2, "change from the reference price: -0.2, -0.1, 0, 0.1 or 0.2"), "Contract price relative to the market's reference price.", "0.1", defaultValue: "0");
        public static readonly Key Months = Shape.Add("months", Whole(12, 60, "months: 12, 36 or 60"), "Duration.", "60", defaultValue: "36");
        public static readonly Key BuyerTariffCut = Shape.Add("buyer_tariff_cut", Num(0, 1, "share of the tariff cut: 0, 0.25, 0.5 or 1"), "How much the buyer cuts its tariff on the seller's exports of the mineral.", "1", defaultValue: "0");
        public static readonly Key SellerTariffCut = Shape.Add("seller_tariff_cut", Num(0, 1, "share of the tariff cut: 0, 0.25, 0.5 or 1"), "How much the seller cuts its tariff on the buyer's exports of the mineral.", "0.5", defaultValue: "0");
        public static readonly Key Investment = Shape.Add("investment", Num(0, 2, "multiple of a base capex tranche: 0, 0.5, 1 or 2"), "Capacity the buyer finances in the seller (arrives after the stage's lead time).", "1", defaultValue: "0");
        public static readonly Key ProcessInSeller = Shape.Add("process_in_seller", new BooleanValue(), "With an ore deal, the ore is refined in the seller (a resource-nationalist clause).", "true", defaultValue: "false");
    }

    /// <summary>`events[].join` and `events[].leave`.</summary>
    public static class MoveBody
    {
        public static readonly Shape Shape = new("events[].join / events[].leave", "A membership move the model does not decide (a political decision).");
        public static readonly Key Country = Shape.Add("country", CountryId, "Who joins or leaves.", "UKR", required: true);
    }
}
