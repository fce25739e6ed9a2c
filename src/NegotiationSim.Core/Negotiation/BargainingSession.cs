using NegotiationSim.Core.Reports;

namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// The mediator of one bilateral alternating-offers session (MODEL.md §3.1). At each step the side whose turn it is
/// proposes and the other accepts, rejects (and proposes next step) or walks away; the session asks them in turn, so
/// the sides never call each other. It may run over several rounds (<see cref="Advance"/> K steps at a time) and ends
/// at its deadline. A strategy that throws, overruns its evaluation budget or offers outside the space ends the session
/// as walked-away with the error in the note. An agreement is signed only if both sides do at least as well as with
/// no deal: a government does not ratify a deal worse than its alternative, whatever its negotiator accepted.
/// </summary>
public sealed class BargainingSession
{
    private readonly INegotiationStrategy[] _strategies;
    private readonly SessionView[] _views;
    private readonly List<int>[] _offers = [[], []];
    private readonly List<OfferRecord> _transcript = [];
    private readonly double[] _normA;
    private readonly double[] _normB;
    private readonly string[] _names;
    private int _round;

    public BargainingSession(SessionSetup setup, INegotiationStrategy strategyA, INegotiationStrategy strategyB)
    {
        if (setup.UtilityA.Length != setup.Space.Count || setup.UtilityB.Length != setup.Space.Count)
            throw new ArgumentException("one utility per outcome for each side", nameof(setup));
        Setup = setup;
        _strategies = [strategyA, strategyB];
        _names = [setup.A, setup.B];
        _normA = Normalise(setup.UtilityA, setup.ReservationA);
        _normB = Normalise(setup.UtilityB, setup.ReservationB);
        _views = [new SessionView(this, 0, _normA, _normB, Sorted(_normA)), new SessionView(this, 1, _normB, _normA, Sorted(_normB))];
        Zopa = Bargaining.Zopa(setup.UtilityA, setup.UtilityB, setup.ReservationA, setup.ReservationB);
        Nash = Bargaining.NashPoint(setup.UtilityA, setup.UtilityB, setup.ReservationA, setup.ReservationB);
    }

    public SessionSetup Setup { get; }
    public int Step { get; private set; }
    public SessionStatus Status { get; private set; } = SessionStatus.Running;
    public int? Agreement { get; private set; }
    public string Note { get; private set; } = "";
    public IReadOnlyList<OfferRecord> Transcript => _transcript;
    public IReadOnlyList<int> Zopa { get; }
    public int? Nash { get; }

    internal IReadOnlyList<int> OffersBy(int side) => _offers[side];

    /// <summary>ũ(o) = (U(o) − û)/(max U − û); when no outcome beats no deal every ũ is negative.</summary>
    public static double[] Normalise(double[] u, double reservation)
    {
        var max = u.Max();
        var scale = max - reservation;
        var floor = 1e-12 * (Math.Abs(max) + Math.Abs(reservation) + 1);
        if (scale < floor) scale = floor;
        var norm = new double[u.Length];
        for (var o = 0; o < u.Length; o++) norm[o] = (u[o] - reservation) / scale;
        return norm;
    }

    private static int[] Sorted(double[] norm)
    {
        // A keyed sort (much faster than a comparison delegate), then equal keys put back in outcome order.
        var order = new int[norm.Length];
        var keys = new double[norm.Length];
        for (var o = 0; o < order.Length; o++) { order[o] = o; keys[o] = -norm[o]; }
        Array.Sort(keys, order);
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
            start = end;
        }
        return order;
    }

    public double NormalisedA(int outcome) => _normA[outcome];
    public double NormalisedB(int outcome) => _normB[outcome];

    /// <summary>Runs up to <paramref name="steps"/> steps of this round (K per round); returns the status after them.</summary>
    public SessionStatus Advance(int steps, int round = 0)
    {
        _round = round;
        for (var n = 0; n < steps && Status == SessionStatus.Running; n++)
        {
            if (Step >= Setup.Deadline) { End(SessionStatus.Deadline, $"deadline of {Plural.Of(Setup.Deadline, "step")} reached without agreement"); break; }
            var proposer = (Step % 2 == 0) == Setup.AOpens ? 0 : 1;
            var responder = 1 - proposer;
            if (!Ask(proposer, v => _strategies[proposer].Propose(v), out var offer)) break;
            if (!Setup.Space.Contains(offer))
            {
                End(SessionStatus.WalkedAway, $"{_names[proposer]}'s strategy offered outcome {offer}, outside the outcome space (0..{Setup.Space.Count - 1})");
                break;
            }
            _offers[proposer].Add(offer);
            if (!Ask(responder, v => _strategies[responder].Respond(v, offer), out var response))
            {
                Record(proposer, offer, "error");
                break;
            }
            var signed = response == Response.Accept && Setup.UtilityA[offer] >= Setup.ReservationA && Setup.UtilityB[offer] >= Setup.ReservationB;
            Record(proposer, offer, response == Response.Accept && !signed ? "accepted, not ratified (below a reservation value)" : ResponseName(response));
            if (signed)
            {
                Agreement = offer;
                End(SessionStatus.Agreed, $"agreed at step {Step}");
                break;
            }
            if (response == Response.EndSession)
            {
                End(SessionStatus.WalkedAway, $"{_names[responder]} walked away at step {Step}");
                break;
            }
            Step++;
        }
        if (Status == SessionStatus.Running && Step >= Setup.Deadline) End(SessionStatus.Deadline, $"deadline of {Plural.Of(Setup.Deadline, "step")} reached without agreement");
        return Status;
    }

    private static string ResponseName(Response r) => r switch
    {
        Response.Accept => "accepted",
        Response.Reject => "rejected",
        _ => "walked away",
    };

    private bool Ask<T>(int side, Func<ISessionView, T> decide, out T answer)
    {
        _views[side].StartDecision(Setup.EvaluationBudget);
        try
        {
            answer = decide(_views[side]);
            return true;
        }
        catch (Exception e)
        {
            // A user strategy's failure ends its session, never the run.
            answer = default!;
            End(SessionStatus.WalkedAway, $"{_names[side]}'s strategy failed: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    private void Record(int proposer, int offer, string response) =>
        _transcript.Add(new OfferRecord(Step, _round, _names[proposer], offer, Setup.UtilityA[offer], Setup.UtilityB[offer],
            _normA[offer], _normB[offer], response));

    private void End(SessionStatus status, string note)
    {
        Status = status;
        Note = note;
    }

    /// <summary>The result with its benchmarks: discounted payoffs, ZOPA size, distance to the Nash point and to the Pareto frontier (normalised plane).</summary>
    public SessionOutcome Outcome()
    {
        var (a, b) = Agreement is { } o ? (Setup.UtilityA[o], Setup.UtilityB[o]) : (Setup.ReservationA, Setup.ReservationB);
        var elapsed = (double)Step / Math.Max(1, Setup.StepsPerRound);
        var da = Agreement is null ? a : a * Math.Pow(Setup.DiscountA, elapsed);
        var db = Agreement is null ? b : b * Math.Pow(Setup.DiscountB, elapsed);
        double? toNash = null;
        double? toPareto = null;
        if (Agreement is { } deal)
        {
            var point = (_normA[deal], _normB[deal]);
            if (Nash is { } nash) toNash = Bargaining.Distance(point, (_normA[nash], _normB[nash]));
            toPareto = Bargaining.ParetoFrontier(_normA, _normB).Min(f => Bargaining.Distance(point, (_normA[f], _normB[f])));
        }
        return new SessionOutcome(Status, Agreement, Step, a, b, da, db, Zopa.Count, Nash, toNash, toPareto, Note);
    }
}
