using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;
using YamlDotNet.RepresentationModel;
using L = NegotiationSim.Scenarios.Language.ScenarioLanguage;

namespace NegotiationSim.Scenarios;

/// <summary>The information rules of the `wargame:` section: what each team sees, and per-country intelligence.</summary>
public static partial class ScenarioLoader
{
    private static InformationRules ReadInformation(NodeReader r, YamlMappingNode wargame, WorldDefinition? world)
    {
        var all = ReadSight(r, wargame, new CountrySight(), L.WargameSection.TeamsSee, L.WargameSection.PartnerShare,
            L.WargameSection.OthersDelay, L.WargameSection.DealTerms, L.WargameSection.Offers);
        var intelligence = new Dictionary<string, CountrySight>(StringComparer.Ordinal);
        if (r.Map(wargame, L.WargameSection.Intelligence) is { } table)
            foreach (var (key, value) in table.Children)
            {
                // An unknown country is an error only once the world is known (else the world's own errors say enough).
                var id = (key as YamlScalarNode)?.Value ?? "";
                if (world is not null && Country(r, key, world) < 0) continue;
                if (value is not YamlMappingNode entry) { r.Error(value, $"intelligence: {id} must be a mapping of information rules, e.g. {{ teams_see: all }}"); continue; }
                r.CheckKeys(entry, L.SightSection.Shape);
                intelligence[id] = ReadSight(r, entry, all, L.SightSection.TeamsSee, L.SightSection.PartnerShare,
                    L.SightSection.OthersDelay, L.SightSection.DealTerms, L.SightSection.Offers);
            }
        return new InformationRules(all, intelligence);
    }

    /// <summary>One set of information rules; keys left out keep <paramref name="d"/>'s values.</summary>
    private static CountrySight ReadSight(NodeReader r, YamlMappingNode m, CountrySight d, Language.Key teamsSee, Language.Key partnerShare,
        Language.Key othersDelay, Language.Key dealTerms, Language.Key offers) => new(
        Choice(r, m, teamsSee, d.TeamsSee, "own (their country's rows only), partners, bloc or all"),
        r.Number(m, partnerShare, d.PartnerShare),
        r.Integer(m, othersDelay, d.OthersDelay),
        Choice(r, m, dealTerms, d.DealTerms, "parties (others see only that a deal was signed) or public"),
        Choice(r, m, offers, d.Offers, "parties (offers are seen by the two countries only) or public"));

    /// <summary>A choice key read into its enum (the words are the enum's names in snake case), with the allowed words on error.</summary>
    private static T Choice<T>(NodeReader r, YamlMappingNode m, Language.Key key, T fallback, string allowed) where T : struct, Enum
    {
        var text = r.Text(m, key);
        if (text is null) return fallback;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var v) && text == text.ToLowerInvariant() && Enum.IsDefined(v)) return v;
        r.Error(r.Get(m, key), $"{key.Name} must be {allowed}, not '{text}'");
        return fallback;
    }
}
