namespace NegotiationSim.Core.Negotiation;

/// <summary>
/// Runs a user's strategy with a wall-clock safety net. The session already stops a strategy deterministically when it
/// spends its evaluation budget (the same run gives the same transcript on every engine); this net only catches a
/// strategy that loops without looking at the session at all, which no budget can see. When it fires the session ends
/// as walked-away, like any other strategy failure, and the run goes on.
/// </summary>
public sealed class GuardedStrategy(INegotiationStrategy inner, string name) : INegotiationStrategy
{
    public static TimeSpan Limit { get; set; } = TimeSpan.FromSeconds(10);

    public int Propose(ISessionView view) => Guard(() => inner.Propose(view));

    public Response Respond(ISessionView view, int offer) => Guard(() => inner.Respond(view, offer));

    private T Guard<T>(Func<T> decide)
    {
        var task = Task.Run(decide);
        bool done;
        try
        {
            done = task.Wait(Limit);
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            // Report the strategy's own exception, not the task's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        if (!done) throw new TimeoutException($"strategy {name} took longer than {Limit.TotalSeconds:0.#} s for one decision");
        return task.GetAwaiter().GetResult();
    }
}
