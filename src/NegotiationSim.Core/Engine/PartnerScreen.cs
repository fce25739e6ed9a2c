using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>
/// Who negotiates with whom this round (MODEL.md §6 step 3), from the round's equilibrium: the US toward its Section 232
/// targets, importers toward the suppliers they depend on, bloc members toward candidates, and investors toward
/// resource holders. Candidates come out in a fixed order (kind, value at stake, then indices), so the bounded
/// selection the coordinator makes is the same on every engine.
/// </summary>
internal sealed class PartnerScreen(WorldDefinition world, IReadOnlyList<MineralResult> results, bool[] members, BlocRules? bloc,
    NegotiationSettings settings, int us, int china)
{
    /// <summary>A pair to bargain over one market; the buyer initiates and opens. Deadline: a Section 232 deadline round.</summary>
    public sealed record Candidate(int Buyer, int Seller, int Mineral, Stage Stage, int Kind, double Value, string Reason, int? Deadline = null);

    public IEnumerable<Candidate> Candidates(IReadOnlyList<(int Target, MarketStageSet Stages, int Deadline)> threats)
    {
        var all = new List<Candidate>();
        all.AddRange(Section232(threats));
        all.AddRange(Dependence());
        all.AddRange(BlocCandidates());
        all.AddRange(Investors());
        return all.OrderBy(c => c.Kind).ThenByDescending(c => c.Value).ThenBy(c => c.Buyer).ThenBy(c => c.Seller)
            .ThenBy(c => c.Mineral).ThenBy(c => c.Stage);
    }

    private string Name(int i) => world.Countries[i].Name;
    private string Market(int m, Stage s) => $"{Stages.Name(s)} {world.Minerals[m].Name}";

    /// <summary>The US bargains with each threatened exporter over the market where it sells the US most.</summary>
    private IEnumerable<Candidate> Section232(IReadOnlyList<(int Target, MarketStageSet Stages, int Deadline)> threats)
    {
        if (us < 0) yield break;
        foreach (var (target, stages, deadline) in threats)
        {
            var best = BestFlow(target, us, stages);
            if (best is not { } b) continue;
            yield return new Candidate(us, target, b.Mineral, b.Stage, 0, b.Value,
                $"US Section 232 threat on {Name(target)}: agree by round {deadline}", deadline);
        }
    }

    /// <summary>An importer that takes at least the threshold share of its use of a market from one supplier.</summary>
    private IEnumerable<Candidate> Dependence()
    {
        foreach (var r in results)
        {
            for (var s = 0; s < Stages.Count; s++)
            {
                var st = r.Stages[s];
                foreach (var f in st.Flows)
                {
                    if (f.Origin == f.Destination || st.Use[f.Destination] <= 0) continue;
                    var share = f.Tonnes / st.Use[f.Destination];
                    if (share < settings.DependenceThreshold) continue;
                    yield return new Candidate(f.Destination, f.Origin, r.Mineral, (Stage)s, 1, f.Tonnes * f.DeliveredPrice,
                        $"{Name(f.Destination)} buys {share:P0} of its {Market(r.Mineral, (Stage)s)} from {Name(f.Origin)}");
                }
            }
        }
    }

    /// <summary>Each member courts the eligible outsiders it buys most from, over that market.</summary>
    private IEnumerable<Candidate> BlocCandidates()
    {
        if (bloc is null) yield break;
        for (var j = 0; j < members.Length; j++)
        {
            if (!members[j]) continue;
            for (var i = 0; i < members.Length; i++)
            {
                if (members[i] || i == china || !bloc.IsEligible(i, world)) continue;
                if (BestFlow(i, j, MarketStageSet.Of(Stages.All)) is not { } b) continue;
                yield return new Candidate(j, i, b.Mineral, b.Stage, 2, b.Value, $"{bloc.Name} member {Name(j)} courts candidate {Name(i)}");
            }
        }
    }

    /// <summary>Large users of a refined mineral toward non-Chinese holders of its reserves that mine it, over ore.</summary>
    private IEnumerable<Candidate> Investors()
    {
        foreach (var r in results)
        {
            var ore = r.Stages[(int)Stage.Ore];
            var refined = r.Stages[(int)Stage.Refined];
            var totalUse = refined.Use.Sum();
            if (totalUse <= 0) continue;
            for (var a = 0; a < members.Length; a++)
            {
                // An investor: the bloc leader or a member using at least a tenth of the world's refined output.
                if (!(a == us || members[a]) || refined.Use[a] < 0.1 * totalUse) continue;
                for (var h = 0; h < members.Length; h++)
                {
                    if (h == a || h == china || world.Reserves[h][r.Mineral] <= 0 || ore.Output[h] <= 0) continue;
                    yield return new Candidate(a, h, r.Mineral, Stage.Ore, 3, ore.Output[h] * ore.Price[h],
                        $"{Name(a)} invests toward {Name(h)}'s {world.Minerals[r.Mineral].Name} reserves");
                }
            }
        }
    }

    private (int Mineral, Stage Stage, double Value)? BestFlow(int origin, int destination, MarketStageSet stages)
    {
        (int, Stage, double)? best = null;
        foreach (var r in results)
        {
            foreach (var stage in Stages.All)
            {
                if (!stages.Contains(stage)) continue;
                foreach (var f in r.Stages[(int)stage].Flows)
                {
                    if (f.Origin != origin || f.Destination != destination) continue;
                    var value = f.Tonnes * f.DeliveredPrice;
                    if (best is not { } b || value > b.Item3) best = (r.Mineral, stage, value);
                }
            }
        }
        return best;
    }
}
