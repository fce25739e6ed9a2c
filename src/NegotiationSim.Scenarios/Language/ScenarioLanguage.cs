namespace NegotiationSim.Scenarios.Language;

/// <summary>
/// The one description of the scenario language: every key, what it holds (unit, range), its default, meaning and an
/// example. The loader checks and reads keys through it, `negsim schema` turns it into the JSON Schema and the key
/// reference in docs/scenarios.md is written from it, so the three cannot drift apart. Add a key here, then read it in
/// the loader.
/// </summary>
public static partial class ScenarioLanguage
{
    internal const string Share = "share (0.25 = 25%)";
    internal const string PerRound = "share per round (0.05 = 5% a month)";
    internal const string Rounds = "rounds (1 round = 1 month)";
    internal const string PricePerTonne = "US$ per t of the mineral's unit";
    internal const string Weight = "weight (0 = ignored)";

    internal static NumberValue Num(double min, double max, string unit) => new(min, max, unit);
    internal static NumberValue Whole(double min, double max, string unit) => new(min, max, unit, Whole: true);
    internal static readonly RefValue CountryId = new("country");
    internal static readonly RefValue MineralId = new("mineral");
    internal static readonly ChoiceValue StageName = new("ore", "refined", "product");

    /// <summary>The top level of a scenario file.</summary>
    public static class Root
    {
        public static readonly Shape Shape = new("scenario", "The top level of a scenario file. With `extends:`, every key may come from the base file; this file's mappings are merged key by key into the base's, its lists and single values replace the base's.");
        public static readonly Key Name = Shape.Add("name", new TextValue(), "Title shown in the console and the report.", "FORGE 2026", defaultValue: "the file name");
        public static readonly Key Question = Shape.Add("question", new TextValue(), "The question the scenario asks, in one sentence.", "\"What happens if FORGE sets refined-stage floors?\"");
        public static readonly Key Extends = Shape.Add("extends", new TextValue(), "A scenario file (path relative to this file) whose keys this file starts from and overrides.", "world-2024.yaml");
        public static readonly Key Seed = Shape.Add("seed", Whole(0, 9e15, "seed"), "Seed of every random draw: the same seed gives the same run, byte for byte.", "2026", defaultValue: "1");
        public static readonly Key RoundCount = Shape.Add("rounds", Whole(1, 1200, Rounds), "How many monthly rounds to run.", "36", defaultValue: "36");
        public static readonly Key StartMonth = Shape.Add("start_month", new TextValue(@"^[0-9]{4}-(0[1-9]|1[0-2])$", "YYYY-MM"), "The calendar month of round 1.", "2026-02", defaultValue: "2026-01");
        public static readonly Key Minerals = Shape.Add("minerals", new ListValue(new ShapeValue(Mineral.Shape)), "The minerals, each with three stages (ore → refined → product).", "see `minerals[]`", required: true);
        public static readonly Key Countries = Shape.Add("countries", new ListValue(new ShapeValue(Country.Shape)), "The countries (use one `ROW` entry for the rest of the world).", "see `countries[]`", required: true);
        public static readonly Key Production = Shape.Add("production", StageTable(Num(0, 1e12, "t per year of the mineral's unit")), "Base-year output by mineral, stage and country. Every stage of every mineral needs at least one producer.", "{ gallium: { refined: { CHN: 745, JPN: 5 } } }");
        public static readonly Key Capacity = Shape.Add("capacity", StageTable(Num(0, 1e12, "t per year of the mineral's unit")), "Installed capacity, where known (e.g. idle plants). It may not be below the country's production; the model uses the larger of it and production ÷ 0.85.", "{ gallium: { refined: { DEU: 40 } } }");
        public static readonly Key Consumption = Shape.Add("consumption", StageTable(Num(0, 1, "share of world use of that market (0.3 = 30%)")), "Each country's share of world use of a mineral at a stage. The shares of one mineral and stage add up to 1 (±0.01).", "{ gallium: { refined: { CHN: 0.5, JPN: 0.3, USA: 0.2 } } }");
        public static readonly Key Reserves = Shape.Add("reserves", new TableValue("mineral id", new TableValue("country id", Num(0, 1e13, "t of the mineral's unit"))), "Reserves by mineral and country; they cap how far capacity can grow.", "{ lithium: { CHL: 9200000 } }");
        public static readonly Key Tariffs = Shape.Add("tariffs", new ListValue(new ShapeValue(Tariff.Shape)), "Base-year import duties; the most specific rule wins.", "see `tariffs[]`");
        public static readonly Key Bloc = Shape.Add("bloc", new ShapeValue(BlocRules.Shape), "The bloc (e.g. FORGE): founders, floors and levies. Leave it out for a world with no bloc.", "see `bloc`");
        public static readonly Key Events = Shape.Add("events", new ListValue(new ShapeValue(Event.Shape)), "The policy timeline: what happens in which round.", "see `events[]`");
        public static readonly Key Settings = Shape.Add("settings", new ShapeValue(ModelSettings.Shape), "Model settings that are not part of the world (hazards, response times).", "see `settings`");
        public static readonly Key Outputs = Shape.Add("outputs", new ShapeValue(OutputSection.Shape), "Where `negsim run` writes the run's files, and whether it also writes the HTML report.", "see `outputs`");
        public static readonly Key Wargame = Shape.Add("wargame", new ShapeValue(WargameSection.Shape), "How a class plays it with `negsim wargame`: round timer, what happens when it runs out, what teams see.", "see `wargame`");
        public static readonly Key Negotiation = Shape.Add("negotiation", new ShapeValue(NegotiationSection.Shape), "Bilateral negotiation (MODEL.md §3): steps, session length, how many sessions, user strategies. Leave it out for the defaults.", "see `negotiation`");

        private static TableValue StageTable(NumberValue entry) =>
            new("mineral id", new TableValue("stage", new TableValue("country id", entry), ["ore", "refined", "product"]));
    }

    /// <summary>`outputs:`.</summary>
    public static class OutputSection
    {
        public static readonly Shape Shape = new("outputs", "The run's output folder and extra outputs; `negsim run --out` overrides the folder.");
        public static readonly Key Folder = Shape.Add("folder", new TextValue(), "Output folder, relative to this file; files of an earlier run there are overwritten.", "../runs/forge", defaultValue: "a new folder under ./runs named after the scenario, seed and time");
        public static readonly Key Report = Shape.Add("report", new BooleanValue(), "Also write report.html (charts of the run in one offline page) into the folder.", "true", defaultValue: "false");
    }

    /// <summary>`wargame:`.</summary>
    public static class WargameSection
    {
        private static readonly NegotiationSim.Core.Policy.ClassroomSettings D = new();
        private static readonly NegotiationSim.Core.Policy.CountrySight S = new();
        public static readonly Shape Shape = new("wargame", "Pacing and information rules of a classroom war-game.");
        public static readonly Key RoundSeconds = Shape.Add("round_seconds", Whole(10, 86400, "seconds"), "How long teams have each round before the timer closes it.", "600", defaultValue: Fmt(D.RoundSeconds));
        public static readonly Key OnTimeout = Shape.Add("on_timeout", new ChoiceValue("computer", "no_move"), "When the timer runs out: a team that has not moved is played by its country's strategy (computer) or does nothing (no_move).", "computer", defaultValue: "computer");
        public static readonly Key Rounds = Shape.Add("rounds", Whole(1, 1199, ScenarioLanguage.Rounds), "Rounds the class plays; at most the scenario's rounds − 1, since round r's decisions shape simulated round r + 1.", "12", defaultValue: "the scenario's rounds − 1");
        public static readonly Key TeamsSee = Shape.Add("teams_see", SightSection.TeamsSeeValue, SightSection.TeamsSeeMeaning, "partners", defaultValue: "own");
        public static readonly Key PartnerShare = Shape.Add("partner_share", SightSection.PartnerShareValue, SightSection.PartnerShareMeaning, "0.1", defaultValue: Fmt(S.PartnerShare));
        public static readonly Key OthersDelay = Shape.Add("others_delay", SightSection.OthersDelayValue, SightSection.OthersDelayMeaning, "1", defaultValue: Fmt(S.OthersDelay));
        public static readonly Key DealTerms = Shape.Add("deal_terms", SightSection.DisclosureValue, SightSection.DealTermsMeaning, "parties", defaultValue: "parties");
        public static readonly Key Offers = Shape.Add("offers", SightSection.DisclosureValue, SightSection.OffersMeaning, "parties", defaultValue: "parties");
        public static readonly Key Intelligence = Shape.Add("intelligence", new TableValue("country id", new ShapeValue(SightSection.Shape)), "Per-country information rules: a country's team sees what its entry says; keys it leaves out come from this section.", "{ USA: { teams_see: all } }");
    }

    /// <summary>`wargame: intelligence: COUNTRY:` — one country's information rules (its keys mean what they mean in `wargame:`).</summary>
    public static class SightSection
    {
        internal static readonly ChoiceValue TeamsSeeValue = new("own", "partners", "bloc", "all");
        internal static readonly NumberValue PartnerShareValue = Num(0, 1, "share of the team's imports or exports of a mineral (0.1 = 10%)");
        internal static readonly NumberValue OthersDelayValue = Whole(0, NegotiationSim.Core.Policy.CountrySight.MaxDelay, ScenarioLanguage.Rounds);
        internal static readonly ChoiceValue DisclosureValue = new("parties", "public");
        internal const string TeamsSeeMeaning = "Whose production and trade rows a team sees besides its own: own (none), partners (countries it trades at least `partner_share` of a mineral with, in that mineral), bloc (every member's, if it is a member) or all. The instructor sees everything.";
        internal const string PartnerShareMeaning = "Under `teams_see: partners`: a country is a partner in a mineral when it supplies at least this share of the team's imports, or takes this share of its exports, of that mineral at some stage.";
        internal const string OthersDelayMeaning = "Other countries' rows (and events about them) are shown as of this many rounds ago; the team's own rows are always current.";
        internal const string DealTermsMeaning = "Terms of deals the team is not party to: parties (it sees only that a deal was signed, and between whom) or public.";
        internal const string OffersMeaning = "Offers between other countries: parties (hidden) or public (shown, never with what they are worth to either side).";

        public static readonly Shape Shape = new("wargame.intelligence.<country>", "What one country's team sees, where it differs from the `wargame:` section's rules.");
        public static readonly Key TeamsSee = Shape.Add("teams_see", TeamsSeeValue, TeamsSeeMeaning, "all", defaultValue: "the wargame section's");
        public static readonly Key PartnerShare = Shape.Add("partner_share", PartnerShareValue, PartnerShareMeaning, "0.05", defaultValue: "the wargame section's");
        public static readonly Key OthersDelay = Shape.Add("others_delay", OthersDelayValue, OthersDelayMeaning, "0", defaultValue: "the wargame section's");
        public static readonly Key DealTerms = Shape.Add("deal_terms", DisclosureValue, DealTermsMeaning, "public", defaultValue: "the wargame section's");
        public static readonly Key Offers = Shape.Add("offers", DisclosureValue, OffersMeaning, "public", defaultValue: "the wargame section's");
    }

    /// <summary>`negotiation:`.</summary>
    public static class NegotiationSection
    {
        private static readonly NegotiationSim.Core.Policy.NegotiationSettings D = new();
        public static readonly Shape Shape = new("negotiation", "Bilateral sessions by alternating offers with a deadline (MODEL.md §3).");
        public static readonly Key StepsPerRound = Shape.Add("steps_per_round", Whole(1, 200, "offers per round"), "Alternating-offer steps a session runs each round (K).", "16", defaultValue: Fmt(D.StepsPerRound));
        public static readonly Key MaxRounds = Shape.Add("max_rounds", Whole(1, 60, Rounds), "Rounds a session may span before it ends without a deal (H).", "3", defaultValue: Fmt(D.MaxRounds));
        public static readonly Key SessionsPerRound = Shape.Add("sessions_per_round", Whole(0, 200, "sessions"), "New sessions opened each round, most valuable first (0 turns negotiation off).", "6", defaultValue: Fmt(D.SessionsPerRound));
        public static readonly Key SessionsPerCountry = Shape.Add("sessions_per_country", Whole(1, 50, "sessions"), "Sessions one country may have open at once.", "2", defaultValue: Fmt(D.SessionsPerCountry));
        public static readonly Key ForceMajeure = Shape.Add("force_majeure", Num(0, 1, "probability per contract"), "Chance that an export ban voids a contract (force majeure).", "0.5", defaultValue: Fmt(D.ForceMajeure));
        public static readonly Key DependenceThreshold = Shape.Add("dependence_threshold", Num(0, 1, Share), "A buyer screens a supplier that provides at least this share of its use of a market.", "0.3", defaultValue: Fmt(D.DependenceThreshold));
        public static readonly Key StrategyAssemblies = Shape.Add("strategy_assemblies", new ListValue(new TextValue()), "Your own strategy assemblies (.dll paths relative to this file); their public INegotiationStrategy classes can be named in a stance.", "[strategies/bin/Release/net10.0/MyStrategies.dll]");
    }

    /// <summary>`settings:`.</summary>
    public static class ModelSettings
    {
        private static readonly NegotiationSim.Core.Policy.ModelSettings D = new();
        public static readonly Shape Shape = new("settings", "Model settings; each default is MODEL.md's.");
        public static readonly Key DisruptionHazard = Shape.Add("disruption_hazard", Num(0, 1, "probability per round for a country of stability 0"), "Chance of a random supply disruption; scaled down by the country's stability.", "0.02", defaultValue: Fmt(D.DisruptionHazard));
        public static readonly Key DisruptionSeverity = Shape.Add("disruption_severity", Num(0, 1, "share of output lost"), "How much output a random disruption takes out.", "0.3", defaultValue: Fmt(D.DisruptionSeverity));
        public static readonly Key ExitRounds = Shape.Add("exit_rounds", Whole(1, 120, Rounds), "Rounds a plant runs at a loss before it shuts.", "6", defaultValue: Fmt(D.ExitRounds));
        public static readonly Key ExitFraction = Shape.Add("exit_fraction", Num(0, 1, "share of the plant's capacity"), "How much of a loss-making plant is mothballed when it exits.", "0.5", defaultValue: Fmt(D.ExitFraction));
        public static readonly Key MarginalCostShare = Shape.Add("marginal_cost_share", Num(0, 1, "share of the stage's base-year value added"), "Cash cost of the marginal unit: a plant whose value added stays below it for `exit_rounds` exits.", "0.75", defaultValue: Fmt(D.MarginalCostShare));
        public static readonly Key RestartRounds = Shape.Add("restart_rounds", Whole(1, 120, Rounds), "Rounds a shut plant needs to restart.", "12", defaultValue: Fmt(D.RestartRounds));
        public static readonly Key ChinaRetaliation = Shape.Add("china_retaliation", Num(0, 1, "probability per member joining"), "Chance that China answers a country joining the bloc with a control.", "0.3", defaultValue: Fmt(D.ChinaRetaliation));
        public static readonly Key InventoryMonths = Shape.Add("inventory_months", Num(0, 24, "months of use"), "Commercial stocks held at the start, in months of use.", "2", defaultValue: Fmt(D.InventoryMonths));
        public static readonly Key AnticipationFactor = Shape.Add("anticipation_factor", Num(0, 10, "multiple of a month's use"), "How hard buyers front-load before an announced control takes effect.", "1", defaultValue: Fmt(D.AnticipationFactor));
    }

    internal static string Fmt(double x) => x.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every shape of the language, from the top level down, each once (the docs' order).</summary>
    public static IReadOnlyList<Shape> AllShapes()
    {
        var found = new List<Shape>();
        void Visit(Value v)
        {
            switch (v)
            {
                case ShapeValue s when !found.Contains(s.Shape):
                    found.Add(s.Shape);
                    foreach (var k in s.Shape.Keys) Visit(k.Value);
                    break;
                case ListValue l: Visit(l.Item); break;
                case TableValue t: Visit(t.Entry); break;
                case EitherValue e: foreach (var o in e.Options) Visit(o); break;
            }
        }
        Visit(new ShapeValue(Root.Shape));
        return found;
    }
}
