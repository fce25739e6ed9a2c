namespace NegotiationSim.Core.Negotiation;

/// <summary>One side's read-only window on a session; counts evaluations so a runaway strategy can be stopped deterministically.</summary>
internal sealed class SessionView : ISessionView
{
    private readonly BargainingSession _session;
    private readonly int _side;
    private readonly double[] _own;
    private readonly double[] _opponent;
    private double[][]? _weights;
    private double[]? _estimate;
    private int _weightsFrom = -1;
    private long _evaluations;
    private long _budget;

    public SessionView(BargainingSession session, int side, double[] own, double[] opponent, int[] byOwn)
    {
        _session = session;
        _side = side;
        _own = own;
        _opponent = opponent;
        _byOwn = byOwn;
    }

    private readonly int[] _byOwn;
    private int[]? _prefixBest;
    private int _prefixFrom = -1;

    public int BestOfferAbove(double aspiration)
    {
        Count();
        var prefix = PrefixBest();
        // How many outcomes, best first, are worth at least the aspiration (own utility falls along _byOwn).
        int lo = 0, hi = _byOwn.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_own[_byOwn[mid]] < aspiration) hi = mid; else lo = mid + 1;
        }
        return lo == 0 ? _byOwn[0] : prefix[lo - 1];
    }

    /// <summary>
    /// For each prefix of the outcomes sorted by own utility, the one the opponent estimate likes best (the later of
    /// equals): rebuilt only when the estimate changes, i.e. when the opponent makes an offer.
    /// </summary>
    private int[] PrefixBest()
    {
        var version = _session.Setup.CompleteInformation ? 0 : OpponentOffers.Count;
        if (_prefixBest is not null && _prefixFrom == version) return _prefixBest;
        var prefix = _prefixBest ?? new int[_byOwn.Length];
        var offers = OpponentOffers;
        double[]? estimate = _session.Setup.CompleteInformation ? _opponent : offers.Count == 0 ? null : Estimate(offers);
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < _byOwn.Length; i++)
        {
            var o = _byOwn[i];
            var u = estimate is null ? 1 - _own[o] : estimate[o];
            if (u >= bestValue) { best = o; bestValue = u; }
            prefix[i] = best;
        }
        _prefixFrom = version;
        return _prefixBest = prefix;
    }

    public OutcomeSpace Space => _session.Setup.Space;
    public IReadOnlyList<int> ByOwnUtility => _byOwn;
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
        return Estimate(offers)[outcome];
    }

    /// <summary>The frequency estimate of every outcome, rebuilt only when the opponent has made a new offer.</summary>
    private double[] Estimate(IReadOnlyList<int> offers)
    {
        if (_estimate is not null && _weightsFrom == offers.Count) return _estimate;
        var weights = Weights(offers);
        var space = Space;
        var issues = weights.Length;
        var estimate = _estimate ?? new double[space.Count];
        var levels = space.LevelTable;
        for (int o = 0, row = 0; o < estimate.Length; o++, row += issues)
        {
            var sum = 0.0;
            for (var k = 0; k < issues; k++) sum += weights[k][levels[row + k]];
            estimate[o] = sum / issues;
        }
        return _estimate = estimate;
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
