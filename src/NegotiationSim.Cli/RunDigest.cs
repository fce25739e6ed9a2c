using NegotiationSim.Core.Reports;

namespace NegotiationSim.Cli;

/// <summary>
/// What summary.json and the console summary need from a run, kept as the rounds stream past: the first and last
/// report, the membership of every round and the events they list. The other reports are dropped once written, so a
/// long run's memory does not grow with its rows.
/// </summary>
public sealed class RunDigest
{
    /// <summary>The events summary.json lists as shocks.</summary>
    public static readonly IReadOnlySet<string> ShockKinds = new HashSet<string>(
        ["section232-threat", "section232-imposed", "section232-lapsed", "section232-ended", "section232-dropped", "export-control-announced",
         "export-control-suspended", "flood", "stockpile", "joined", "left", "disruption",
         "finance-offered", "finance-committed"]);

    /// <summary>How many events the console's "Shocks, threats and moves" table shows.</summary>
    public const int ShownMoves = 40;

    private readonly List<MembershipPoint> membership = [];
    private readonly List<RunEvent> shocks = [];
    private readonly List<RunEvent> moves = [];

    private RoundReport? first;

    public RoundReport First => first ?? throw new InvalidOperationException("no round has finished");
    public RoundReport? Last { get; private set; }
    public int Count => membership.Count;
    public IReadOnlyList<MembershipPoint> Membership => membership;
    /// <summary>Every shock (see <see cref="ShockKinds"/>) in round order.</summary>
    public IReadOnlyList<RunEvent> Shocks => shocks;
    /// <summary>The first <see cref="ShownMoves"/> events other than routine investment, capacity, recovery and disruptions.</summary>
    public IReadOnlyList<RunEvent> Moves => moves;
    /// <summary>Events like <see cref="Moves"/> past the first <see cref="ShownMoves"/>: the table says how many it left out.</summary>
    public int MovesLeftOut { get; private set; }

    public void Add(RoundReport r)
    {
        first ??= r;
        Last = r;
        membership.Add(new MembershipPoint(r.Round, r.Month, r.Members.Count, r.Members));
        foreach (var e in r.Events)
        {
            if (ShockKinds.Contains(e.Kind)) shocks.Add(e);
            if (e.Kind is "invest" or "capacity" or "recovery" or "disruption") continue;
            if (moves.Count < ShownMoves) moves.Add(e);
            else MovesLeftOut++;
        }
    }

    public static RunDigest Of(IEnumerable<RoundReport> rounds)
    {
        var digest = new RunDigest();
        foreach (var r in rounds) digest.Add(r);
        return digest;
    }
}
