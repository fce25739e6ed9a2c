using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Wargame;

/// <summary>
/// The world as one team may see it under the scenario's information rules: its own rows current, others' rows only
/// where its rules allow and as of the delayed round, events and deals filtered the same way (deal terms it is not
/// party to hidden unless public), offers only its own unless public, and never what an offer is worth to the other
/// side. A team that plays no country sees only what is public. Every team view is built through this. Events about
/// other countries are told as <see cref="PublicNews"/> tells them: the fact, never the engine's reasons.
/// </summary>
public sealed class TeamSight
{
    /// <summary>Events anyone could read in the news: who joined or left the bloc, threats, controls, floods, stockpiles.</summary>
    public static readonly IReadOnlySet<string> PublicKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "section232-threat", "section232-imposed", "section232-lapsed", "section232-ended", "section232-dropped", "export-control-announced",
        "export-control-suspended", "joined", "left", "decides-to-join", "decides-to-leave", "applies-to-join", "admitted", "refused", "flood", "stockpile",
    };

    /// <summary>Events about a deal or a negotiation: who sees them follows the deal rules, not the country's rows.</summary>
    private static readonly IReadOnlySet<string> DealKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "deal-signed", "negotiation-opened", "negotiation-failed", "contract-honoured", "force-majeure", "deal-investment",
    };

    private readonly IReadOnlyList<RoundReport> _reports;
    private readonly IReadOnlySet<(string Country, string Mineral)> _partners;
    private readonly IReadOnlyList<string> _members;
    private readonly Dictionary<string, DealRow> _signed;
    private readonly PublicNews _news;

    public TeamSight(InformationRules rules, string? country, IReadOnlyList<RoundReport> reports, PublicNews news)
    {
        _news = news;
        Country = country;
        Rules = country is null ? rules.Default : rules.For(country);
        _reports = reports;
        var latest = reports.Count > 0 ? reports[^1] : null;
        _members = latest?.Members ?? [];
        // Partners by this round's trade: a team knows its own books.
        _partners = country is not null && latest is not null && Rules.TeamsSee == TeamsSee.Partners
            ? TradePartners.Of(country, latest.Flows, Rules.PartnerShare) : new HashSet<(string, string)>();
        LatestRound = latest?.Round;
        OthersRound = latest is null ? null : Rules.OthersRound(latest.Round);
        _signed = reports.SelectMany(r => r.Deals).Where(d => d.Status == "signed").GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The country the team plays; null: it sees only what is public.</summary>
    public string? Country { get; }

    public CountrySight Rules { get; }

    public int? LatestRound { get; }

    /// <summary>The round whose rows of other countries the team sees; null while none is old enough.</summary>
    public int? OthersRound { get; }

    /// <summary>Whether this team sees other countries' rows at all (under these rules and this membership).</summary>
    public bool SeesOthers => Country is not null && Rules.TeamsSee switch
    {
        TeamsSee.All => true,
        TeamsSee.Partners => _partners.Count > 0,
        TeamsSee.Bloc => _members.Contains(Country),
        _ => false,
    };

    /// <summary>Whether the team sees <paramref name="other"/>'s rows of <paramref name="mineral"/>.</summary>
    public bool SeesRows(string other, string mineral) => Country is not null && Rules.SeesRows(Country, other, mineral, _partners, _members);

    /// <summary>Its own rows as of the latest round, then others' it may see as of <see cref="OthersRound"/>.</summary>
    public IReadOnlyList<CountryMineralRow> Rows()
    {
        if (Country is null || _reports.Count == 0) return [];
        var own = _reports[^1].Rows.Where(x => x.Country == Country);
        var others = OthersRound is { } r ? _reports[r - 1].Rows.Where(x => x.Country != Country && SeesRows(x.Country, x.Mineral)) : [];
        return own.Concat(others).ToArray();
    }

    /// <summary>
    /// Events: its own with their reasons; public ones and those about countries whose rows it sees (from the delayed round
    /// on) as the news tells them; deal events under the deal rules, a signing it may not read the terms of saying only who signed.
    /// </summary>
    public IReadOnlyList<RunEvent> Events()
    {
        var seen = new List<RunEvent>();
        foreach (var e in _reports.SelectMany(r => r.Events))
        {
            if (DealKinds.Contains(e.Kind)) { if (DealEvent(e) is { } d) seen.Add(d); }
            else if (Country is not null && e.Country == Country) seen.Add(e);
            else if (PublicKinds.Contains(e.Kind)) seen.Add(_news.Tell(e));
            else if (OthersRound is { } r && e.Round <= r && e.Country != "" && SeesRows(e.Country, e.Mineral)) seen.Add(_news.Tell(e));
        }
        return seen;
    }

    private RunEvent? DealEvent(RunEvent e)
    {
        var id = e.Reason.Split(' ', 2)[0];
        var seller = _signed.TryGetValue(id, out var deal) ? deal.Seller : null;
        if (Country is not null && (e.Country == Country || seller == Country)) return e;
        if (e.Kind != "deal-signed") return null; // others' talks and deliveries stay between the parties
        if (seller is not null && Country is not null && Rules.SeesDealTerms(Country, e.Country, seller)) return _news.Tell(e);
        if (Country is null && Rules.DealTerms == Disclosure.Public) return _news.Tell(e);
        return e with { Value = double.NaN, Reason = $"{id}: {e.Country} and {seller ?? "a partner"} signed a deal (terms not disclosed)" };
    }

    /// <summary>Signed deals: every one, with the terms only where the team may read them.</summary>
    public IReadOnlyList<DealRow> Deals() => _signed.Values.Select(d =>
        Country is not null && Rules.SeesDealTerms(Country, d.Buyer, d.Seller) || Country is null && Rules.DealTerms == Disclosure.Public
            ? d
            : d with
            {
                Volume = double.NaN, ContractPrice = double.NaN, SpotPrice = double.NaN, End = d.Start, BuyerCut = double.NaN,
                SellerCut = double.NaN, Investment = double.NaN, ProcessInSeller = false, Transfer = double.NaN,
                Note = "terms not disclosed", Delivered = double.NaN,
            }).ToArray();

    /// <summary>Whether the team sees this offer at all.</summary>
    public bool SeesOffer(Offer o) => Country is not null && Rules.SeesOffer(Country, o.From, o.To);

    /// <summary>
    /// An offer as the team may read it: the computer's reason for its answer weighs the other side's own gain, so a
    /// party reads only that it was answered, and a team reading others' offers (offers: public) only where they stand,
    /// not who answered them (the instructor reads the reason).
    /// </summary>
    public Offer Offer(Offer o, Func<string, string> nameOf) =>
        o.Why is null ? o
        : Country == o.From || Country == o.To ? o with { Why = $"the computer playing {nameOf(o.To)} {(o.Status == OfferStatus.Accepted ? "accepted" : "rejected")} it" }
        : o with { Why = null };

    /// <summary>What the team cannot see, in words for its page; <paramref name="monthOf"/> names a round's month.</summary>
    public IReadOnlyList<string> Hidden(Func<int, string> monthOf)
    {
        if (Country is null) return ["You play no country yet: you see only what is public (prices, the bloc, public events)."];
        var notes = new List<string>();
        var whose = Rules.TeamsSee switch
        {
            TeamsSee.Own => "Other countries' rows are hidden by the scenario's information rules.",
            TeamsSee.Partners => $"Rows of non-partners (countries trading less than {(Rules.PartnerShare * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% of your imports or exports of a mineral) are hidden by the scenario's information rules.",
            TeamsSee.Bloc => _members.Contains(Country) ? "Rows of countries outside the bloc are hidden by the scenario's information rules."
                : "Other countries' rows are hidden by the scenario's information rules: you would see the members' as a member of the bloc.",
            _ => null,
        };
        if (whose is not null) notes.Add(whose);
        if (Rules.TeamsSee != TeamsSee.Own && Rules.OthersDelay > 0)
            notes.Add(OthersRound is { } r ? $"Others are shown as of {monthOf(r)} (round {r}, {Rules.OthersDelay} round{(Rules.OthersDelay == 1 ? "" : "s")} ago); your own rows are current."
                : $"Others are shown {Rules.OthersDelay} round{(Rules.OthersDelay == 1 ? "" : "s")} late: none yet.");
        if (Rules.DealTerms == Disclosure.Parties) notes.Add("Terms of deals you are not party to are not disclosed, only that they were signed.");
        if (Rules.Offers == Disclosure.Parties) notes.Add("Offers between other countries are not shown.");
        return notes;
    }
}
