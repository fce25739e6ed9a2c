namespace NegotiationSim.Scenarios.Language;

public static partial class ScenarioLanguage
{
    /// <summary>`minerals[]`.</summary>
    public static class Mineral
    {
        public static readonly Shape Shape = new("minerals[]", "One mineral and its three stages. One unit (e.g. t Li content) holds for all three stages of a mineral.");
        public static readonly Key Id = Shape.Add("id", new TextValue(), "The id other keys use for this mineral.", "gallium", required: true);
        public static readonly Key Name = Shape.Add("name", new TextValue(), "Display name.", "Gallium", defaultValue: "the id");
        public static readonly Key Unit = Shape.Add("unit", new TextValue(), "The unit of every quantity of this mineral (documentation: the model computes in it, whatever it is).", "t Ga content");
        public static readonly Key DemandGrowth = Shape.Add("demand_growth", Num(-0.5, 1, "share per year (0.05 = 5%/yr)"), "Growth of final demand.", "0.05", defaultValue: "0");
        public static readonly Key CapacityGrowth = Shape.Add("capacity_growth", Num(-0.5, 1, "share per year (0.05 = 5%/yr)"), "Growth of every producer's capacity from projects already committed in the base year, on top of the model's own investment, exits and disruptions.", "0.05", defaultValue: "0");
        public static readonly Key Stages = Shape.Add("stages", new ShapeValue(StageSet.Shape), "Market parameters per stage.", "see `minerals[].stages`", required: true);
        public static readonly Key Source = Shape.Add("source", new TextValue(), "Where the mineral's figures come from (documentation only).", "USGS_MCS2026_GALLIUM");
    }

    /// <summary>`minerals[].stages`.</summary>
    public static class StageSet
    {
        public static readonly Shape Shape = new("minerals[].stages", "The three stages of a mineral, each a `minerals[].stages.<stage>` mapping.");
        public static readonly Key Ore = Shape.Add("ore", new ShapeValue(StageParameters.Shape), "Mined ore or concentrate.", "{ price: 100000, value_added_share: 0.5 }", required: true);
        public static readonly Key Refined = Shape.Add("refined", new ShapeValue(StageParameters.Shape), "Refined metal, oxide or chemical.", "{ price: 300000, value_added_share: 0.6 }", required: true);
        public static readonly Key Product = Shape.Add("product", new ShapeValue(StageParameters.Shape), "First-use product (cathode, magnet, wafer…).", "{ price: 900000, value_added_share: 0.6 }", required: true);
    }

    /// <summary>`minerals[].stages.&lt;stage&gt;`.</summary>
    public static class StageParameters
    {
        public static readonly Shape Shape = new("minerals[].stages.<stage>", "Market parameters of one mineral at one stage (MODEL.md §2.2, §2.7).");
        public static readonly Key Price = Shape.Add("price", Num(1e-6, 1e12, PricePerTonne), "World base-year FOB price.", "300000", required: true);
        public static readonly Key ValueAddedShare = Shape.Add("value_added_share", Num(0.01, 1, Share), "Share of the price that is value added at this stage; the rest is the cost of the previous stage's input.", "0.6", defaultValue: "0.5");
        public static readonly Key Sigma = Shape.Add("sigma", Num(1.01, 50, "elasticity (unitless)"), "Armington elasticity of substitution between origins.", "10", defaultValue: "3 (ore), 10 (refined), 4 (product)");
        public static readonly Key DemandElasticity = Shape.Add("demand_elasticity", Num(-5, -0.001, "elasticity (unitless, negative)"), "Price elasticity of composite demand.", "-0.1", defaultValue: "-0.1");
        public static readonly Key SupplyElasticity = Shape.Add("supply_elasticity", Num(0.001, 5, "elasticity (unitless)"), "Supply elasticity in the value-added price, within capacity.", "0.15", defaultValue: "0.15");
        public static readonly Key OtherUseShare = Shape.Add("other_use_share", Num(0, 1, Share), "Share of this stage's output used outside the chain (the product stage is all final use: 1).", "0.2", defaultValue: "0.1 (ore, refined), 1 (product)");
        public static readonly Key Transport = Shape.Add("transport", Num(0, 2, "ad-valorem share of the price (0.08 = 8%)"), "Freight and insurance between different countries.", "0.02", defaultValue: "0.08 (ore), 0.02 (refined, product)");
    }

    /// <summary>`countries[]`.</summary>
    public static class Country
    {
        public static readonly Shape Shape = new("countries[]", "One country (or `ROW`, the rest of the world).");
        public static readonly Key Id = Shape.Add("id", new TextValue(), "The id other keys use for this country (ISO 3166 alpha-3 by convention).", "JPN", required: true);
        public static readonly Key Name = Shape.Add("name", new TextValue(), "Display name.", "Japan", defaultValue: "the id");
        public static readonly Key Role = Shape.Add("role", new ChoiceValue("country", "bloc_leader", "china"), "`bloc_leader` leads the bloc and issues Section 232 threats; `china` runs export controls and floods. At most one of each.", "bloc_leader", defaultValue: "country");
        public static readonly Key Stability = Shape.Add("stability", Num(0, 1, "index (1 = fully stable)"), "Political stability; random disruptions are rarer the higher it is.", "0.9", defaultValue: "0.7");
        public static readonly Key Stance = Shape.Add("stance", new ShapeValue(CountryStance.Shape), "The country's priorities in bloc decisions.", "{ economic: 1, security: 0.8, alignment: 0.9 }");
    }

    /// <summary>`countries[].stance`.</summary>
    public static class CountryStance
    {
        private static readonly NegotiationSim.Core.World.Stance D = NegotiationSim.Core.World.Stance.Neutral;
        public static readonly Shape Shape = new("countries[].stance", "A country's priorities (MODEL.md §1).");
        public static readonly Key Economic = Shape.Add("economic", Num(0, 10, Weight), "Weight on economic welfare.", "1", defaultValue: Fmt(D.Economic));
        public static readonly Key Security = Shape.Add("security", Num(0, 10, Weight), "Weight on security of supply.", "0.8", defaultValue: Fmt(D.Security));
        public static readonly Key Alignment = Shape.Add("alignment", Num(-1, 1, "index (+1 toward the US bloc, −1 toward China)"), "Political alignment.", "0.9", defaultValue: Fmt(D.Alignment));
        public static readonly Key Autonomy = Shape.Add("autonomy", Num(0, 10, Weight), "Weight on keeping policy autonomy (the cost of bloc rules).", "0.3", defaultValue: Fmt(D.Autonomy));
        public static readonly Key RiskAversion = Shape.Add("risk_aversion", Num(1, 10, "coefficient (1 = risk neutral)"), "Risk aversion over uncertain payoffs (threats, retaliation).", "1.4", defaultValue: Fmt(D.RiskAversion));
        public static readonly Key Patience = Shape.Add("patience", Num(0.5, 1, "discount factor per round"), "How much next month counts against this month.", "0.97", defaultValue: Fmt(D.Patience));
        public static readonly Key Hysteresis = Shape.Add("hysteresis", Num(0, 0.5, "share of the country's mineral stake"), "Margin a move into or out of the bloc must clear.", "0.02", defaultValue: Fmt(D.Hysteresis));
        public static readonly Key Strategy = Shape.Add("strategy", new TextValue(), "The negotiation strategy the country plays: boulware, linear, conceder, tit-for-tat, rubinstein, or one from a strategy assembly.", "boulware", defaultValue: "boulware for the bloc leader and China; linear for patient countries (patience ≥ 0.98); else conceder");
    }

    /// <summary>`tariffs[]`.</summary>
    public static class Tariff
    {
        public static readonly Shape Shape = new("tariffs[]", "A base-year import duty. Leave out exporter, mineral or stage to cover all of them; the most specific rule wins.");
        public static readonly Key Importer = Shape.Add("importer", CountryId, "The country that levies the duty.", "USA", required: true);
        public static readonly Key Exporter = Shape.Add("exporter", CountryId, "The country whose exports it hits.", "CHN", defaultValue: "all");
        public static readonly Key Mineral = Shape.Add("mineral", MineralId, "The mineral.", "graphite", defaultValue: "all");
        public static readonly Key Stage = Shape.Add("stage", StageName, "The stage.", "refined", defaultValue: "all");
        public static readonly Key Rate = Shape.Add("rate", Num(0, 10, "ad-valorem share (0.25 = 25%)"), "The duty.", "0.25", required: true);
    }
}
