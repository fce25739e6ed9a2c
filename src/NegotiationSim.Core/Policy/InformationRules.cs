using NegotiationSim.Core.Reports;

namespace NegotiationSim.Core.Policy;

/// <summary>Whose production and trade rows a team sees besides its own country's.</summary>
public enum TeamsSee
{
    /// <summary>Only its own country's.</summary>
    Own,
    /// <summary>Also its trade partners', in the minerals they trade with it (see <see cref="CountrySight.PartnerShare"/>).</summary>
    Partners,
    /// <summary>Also every bloc member's, if its country is a member.</summary>
    Bloc,
    /// <summary>Every country's.</summary>
    All,
}

/// <summary>Who sees what a deal or an offer says: only its two parties, or every team.</summary>
public enum Disclosure { Parties, Public }

/// <summary>
/// What one country's team may see of the world in a classroom war-game (the instructor sees everything). Other
/// countries' rows are shown as of <see cref="OthersDelay"/> rounds ago: intelligence lags, one's own books do not.
/// </summary>
/// <param name="TeamsSee">Whose rows the team sees besides its own.</param>
/// <param name="PartnerShare">Under <see cref="TeamsSee.Partners"/>: a country is a partner in a mineral when it supplies at least this share of the team's imports, or takes this share of its exports, of that mineral at some stage.</param>
/// <param name="OthersDelay">Rounds by which other countries' rows (and events about them) lag.</param>
/// <param name="DealTerms">Whether a team sees the terms of deals it is not party to, or only that they were signed.</param>
/// <param name="Offers">Whether a team sees offers between other countries.</param>
public sealed record CountrySight(TeamsSee TeamsSee = TeamsSee.Own, double PartnerShare = 0.1, int OthersDelay = 0,
    Disclosure DealTerms = Disclosure.Parties, Disclosure Offers = Disclosure.Parties)
{
    public const int MaxDelay = 24;

    /// <summary>The round of other countries' rows a team sees while <paramref name="latest"/> is the latest: null before any is that old.</summary>
    public int? OthersRound(int latest) => latest - OthersDelay >= 1 ? latest - OthersDelay : null;

    /// <summary>
    /// Whether <paramref name="me"/>'s team sees <paramref name="other"/>'s rows of <paramref name="mineral"/>, given its
    /// trade partners (<see cref="TradePartners.Of"/>) and the bloc's members.
    /// </summary>
    public bool SeesRows(string me, string other, string mineral, IReadOnlySet<(string Country, string Mineral)> partners,
        IReadOnlyCollection<string> members) => other == me || TeamsSee switch
    {
        TeamsSee.All => true,
        TeamsSee.Partners => partners.Contains((other, mineral)),
        TeamsSee.Bloc => members.Contains(me) && members.Contains(other),
        _ => false,
    };

    /// <summary>Whether <paramref name="me"/>'s team sees the terms of a deal between these two.</summary>
    public bool SeesDealTerms(string me, string buyer, string seller) => DealTerms == Disclosure.Public || me == buyer || me == seller;

    /// <summary>Whether <paramref name="me"/>'s team sees an offer between these two at all.</summary>
    public bool SeesOffer(string me, string from, string to) => Offers == Disclosure.Public || me == from || me == to;
}

/// <summary>A scenario's information rules: one sight for every team, and per-country overrides (its intelligence).</summary>
public sealed record InformationRules(CountrySight Default, IReadOnlyDictionary<string, CountrySight> Intelligence)
{
    /// <summary>Teams see only their own country's rows, and only their own deals and offers.</summary>
    public static InformationRules Own { get; } = new(new CountrySight(), new Dictionary<string, CountrySight>());

    public CountrySight For(string country) => Intelligence.TryGetValue(country, out var s) ? s : Default;
}

/// <summary>Who trades enough with a country to count as its partner, mineral by mineral.</summary>
public static class TradePartners
{
    /// <summary>
    /// Countries that supply at least <paramref name="share"/> of <paramref name="me"/>'s imports, or take at least that
    /// share of its exports, of a mineral at some stage, with the mineral; from a round's reported flows.
    /// </summary>
    public static IReadOnlySet<(string Country, string Mineral)> Of(string me, IEnumerable<FlowRow> flows, double share)
    {
        var found = new HashSet<(string, string)>();
        foreach (var market in flows.Where(f => f.Origin != f.Destination && (f.Origin == me || f.Destination == me)).GroupBy(f => (f.Mineral, f.Stage)))
        {
            Add(market.Where(f => f.Destination == me).GroupBy(f => f.Origin), market.Key.Mineral);
            Add(market.Where(f => f.Origin == me).GroupBy(f => f.Destination), market.Key.Mineral);
        }
        return found;

        void Add(IEnumerable<IGrouping<string, FlowRow>> byCountry, string mineral)
        {
            var tonnes = byCountry.Select(g => (Country: g.Key, Tonnes: g.Sum(f => f.Tonnes))).ToList();
            var total = tonnes.Sum(t => t.Tonnes);
            foreach (var (country, t) in tonnes)
                if (t > 0 && t >= share * total) found.Add((country, mineral));
        }
    }
}
