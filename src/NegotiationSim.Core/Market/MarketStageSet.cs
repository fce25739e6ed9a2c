using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Market;

/// <summary>A set of stages as a bit mask: cheap to send and to test.</summary>
public readonly record struct MarketStageSet(int Mask)
{
    public static MarketStageSet Of(IEnumerable<Stage> stages) => new(stages.Aggregate(0, (m, s) => m | (1 << (int)s)));
    public bool Contains(Stage s) => (Mask & (1 << (int)s)) != 0;
    public override string ToString() => string.Join("+", Stages.All.Where(Contains).Select(Stages.Name));
}
