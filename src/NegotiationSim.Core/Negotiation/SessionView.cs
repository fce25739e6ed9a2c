namespace NegotiationSim.Core.Negotiation;

/// <summary>One side's read-only window on a session; counts evaluations so a runaway strategy can be stopped deterministically.</summary>
internal sealed class SessionView : ISessionView
{
    private readonly BargainingSession _session;
    private readonly int _side;
    private readonly double[] _own;
    private readonly double[] _opponent;
    private double[][]? _weights;
    private int _weightsFrom = -1;
    private long _evaluations;
    private long _budget;

    public SessionView(BargainingSession session, int side, double[] own, double[] opponent, int[] byOwn)
    {
        _session = session;
        _side = side;
        _own = own;
        _opponent = opponent;
        ByOwnUtility = byOwn;
    }

    public OutcomeSpace Space => _session.Setup.Space;
    public IReadOnlyList<int> ByOwnUtility { get; }
    public IReadOnlyList<int> MyOffers => _session.OffersBy(_side);
    public IReadOnlyList<int> OpponentOffers => _session.OffersBy(1 - _side);
    public int Step => _session.Step;
    public int Deadline => _session.Setup.Deadline;
    public double RelativeTime => (double)Step / Deadline;
    public double Discount => PerStep(_side == 0 ? _session.Setup.DiscountA : _session.Setup.DiscountB);
    public double OpponentDiscount => PerStep(_side == 0 ? _session.Setup.DiscountB : _session.Setup.DiscountA);
    public bool OpenedSession => (_side == 0) == _session.Setup.AOpens;

    private double PerStep(double perRound) => Math.Pow(perRound, 1.0 / Math.Max(1, _session.Setup.StepsPerRound));

    public void StartDecision(long budget)
    {
        _evaluations = 0;
        _budget = budget;
    }

    public double Utility(int outcome)
    {
        Count();
        return _own[outcome];
    }

    public double OpponentUtility(int outcome)
    {
        Count();
        if (_session.Setup.CompleteInformation) return _opponent[outcome];
        var offers = OpponentOffers;
        if (offers.Count == 0) return 1 - _own[outcome];
        var weights = Weights(offers);
        var space = Space;
        var sum = 0.0;
        for (var k = 0; k < weights.Length; k++) sum += weights[k][space.Level(outcome, k)];
        return sum / weights.Length;
    }

    private void Count()
    {
        if (++_evaluations > _budget)
            throw new StrategyBudgetException($"more than {_budget:N0} outcome evaluations in one decision");
    }

    /// <summary>
    /// Frequency model of the opponent's offers: an outcome is worth to it the average, over issues, of how often it
    /// asked for that issue's value relative to its favourite value. Before any offer: the mirror of my own utility.
    /// Only the per-issue weights are kept, so an update costs a pass over the offers, not over the outcome space.
    /// </summary>
    private double[][] Weights(IReadOnlyList<int> offers)
    {
        if (_weights is not null && _weightsFrom == offers.Count) return _weights;
        var space = Space;
        var issues = space.Issues.Count;
        var weights = new double[issues][];
        for (var k = 0; k < issues; k++)
        {
            var counts = new double[space.Issues[k].Count];
            foreach (var o in offers) counts[space.Level(o, k)]++;
            var max = counts.Max();
            for (var v = 0; v < counts.Length; v++) counts[v] /= max;
            weights[k] = counts;
        }
        _weights = weights;
        _weightsFrom = offers.Count;
        return weights;
    }
}

/// <summary>A strategy spent its deterministic evaluation budget for one decision.</summary>
public sealed class StrategyBudgetException(string message) : Exception(message);
