using System.Reflection;
using NegotiationSim.Core.Policy;

namespace NegotiationSim.Wargame;

/// <summary>
/// An injected event's numbers must be finite: a NaN passes range checks such as `x is &lt;= 0 or &gt; 1` and then
/// poisons the market solve. The one exception is a number whose NaN means "not given" in the core's own records.
/// </summary>
public static class EventNumbers
{
    /// <summary>Numbers where NaN is the record's own "not given" default (the stockpile buys below its floor or average then).</summary>
    private static readonly HashSet<(Type, string)> NotGivenAsNaN = [(typeof(StockpileProgramme), nameof(StockpileProgramme.BuyBelow))];

    /// <summary>The name of the event's first number that is not finite (camelCase, as in the API and the journal); null if all are.</summary>
    public static string? FirstNonFinite(ScheduledEvent e)
    {
        foreach (var p in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            IEnumerable<double> values = p.GetValue(e) switch
            {
                double x => [x],
                IEnumerable<double> xs => xs,
                _ => [],
            };
            foreach (var x in values)
                if (!double.IsFinite(x) && !(double.IsNaN(x) && NotGivenAsNaN.Contains((e.GetType(), p.Name))))
                    return char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
        }
        return null;
    }
}
