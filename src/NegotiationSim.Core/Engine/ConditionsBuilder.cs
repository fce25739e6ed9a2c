using NegotiationSim.Core.Market;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.World;

namespace NegotiationSim.Core.Engine;

/// <summary>Turns the policy in force and the countries' offers into one market's conditions for the solver.</summary>
internal static class ConditionsBuilder
{
    public const double NegligibleShare = 1e-5;

    public static MarketConditions Build(MarketBase b, double[] baseTariff, MineralRoundInput input, MarketOutcome? last,
        double[] lastLevy)
    {
        var n = b.N;
        var s = (int)b.Id.Stage;
        var policy = input.Policy;
        var growth = policy.Growth[b.Id.Mineral];
        var t232 = new double[n * n];
        foreach (var duty in policy.Section232)
        {
            if (duty.Stages.Contains(b.Id.Stage)) t232[duty.Exporter * n + duty.Importer] = duty.Rate;
        }
        var exportWedge = new double[n * n];
        foreach (var flood in policy.Floods)
        {
            if (flood.Mineral != b.Id.Mineral || flood.Stage != b.Id.Stage) continue;
            for (var j = 0; j < n; j++) if (j != flood.Exporter) exportWedge[flood.Exporter * n + j] -= flood.Subsidy;
        }
        var tariff = baseTariff;
        foreach (var cut in policy.TariffCuts)
        {
            if (cut.Mineral != b.Id.Mineral) continue;
            if (ReferenceEquals(tariff, baseTariff)) tariff = (double[])baseTariff.Clone();
            tariff[cut.Exporter * n + cut.Importer] *= 1 - cut.Cut;
        }
        var quota = Enumerable.Repeat(double.NaN, n * n).ToArray();
        var marketSize = b.Use.Sum() * growth;
        foreach (var control in policy.Controls)
        {
            if (control.Mineral != b.Id.Mineral || !control.Stages.Contains(b.Id.Stage)) continue;
            var i = control.Exporter;
            for (var j = 0; j < n; j++)
            {
                if (j == i || !control.Targets[j]) continue;
                var ij = i * n + j;
                var unconstrained = b.Flows[ij] * growth;
                var allowed = control.AllowedShare * unconstrained;
                var leaked = control.Leakage * (unconstrained - allowed);
                quota[ij] = allowed + leaked;
                // A quota on a negligible (seeded) flow only costs solver effort: treat it as closed.
                if (quota[ij] < NegligibleShare * marketSize) quota[ij] = 0;
                if (quota[ij] > 0) exportWedge[ij] += control.LeakCost * leaked / quota[ij];
            }
        }
        // Contracted volumes are served first, outside the spot market (a voided contract is gone already). They count
        // against a control's quota but are never cut by it: the quota left for spot is what the contracts leave.
        double[]? contracted = null;
        foreach (var contract in policy.Contracts)
        {
            if (contract.Mineral != b.Id.Mineral || contract.Stage != b.Id.Stage || contract.Volume <= 0) continue;
            contracted ??= new double[n * n];
            contracted[contract.Exporter * n + contract.Importer] += contract.Volume;
        }
        if (contracted is not null)
        {
            for (var ij = 0; ij < n * n; ij++)
            {
                if (double.IsNaN(quota[ij]) || contracted[ij] <= 0) continue;
                quota[ij] = Math.Max(0, quota[ij] - contracted[ij]);
                if (quota[ij] < NegligibleShare * marketSize) quota[ij] = 0;
            }
        }
        var floor = policy.Floors[b.Id.Index];
        var levy = new double[n * n];
        if (!double.IsNaN(floor) && policy.LevyTiming == LevyTiming.Lagged && last is not null)
        {
            // Lagged variable levy with partial adjustment, like the old CAP levies (§2.4).
            for (var i = 0; i < n; i++)
            {
                if (policy.Members[i]) continue;
                for (var j = 0; j < n; j++)
                {
                    if (i == j || !policy.Members[j]) continue;
                    var ij = i * n + j;
                    var fob = last.Prices[i] * (i == j ? 1 : 1 + b.Parameters.Transport) * (1 + exportWedge[ij] + last.QuotaRent[ij]);
                    var target = Levies.Required(floor, fob, tariff[ij] + t232[ij]);
                    levy[ij] = lastLevy[ij] + policy.LevyAdjustment * (target - lastLevy[ij]);
                }
            }
        }
        return new MarketConditions
        {
            Capacity = input.Capacity[s],
            UncappedBase = input.UncappedBase[s],
            InputCost = Enumerable.Repeat(b.BaseInputCost, n).ToArray(),
            Derived = new double[n],
            Growth = growth,
            SpotAdjust = input.SpotAdjust[s],
            Inventory = input.Inventory[s],
            Tariff = tariff,
            Section232 = t232,
            Levy = levy,
            ExportWedge = exportWedge,
            Quota = quota,
            Contracted = contracted,
            Floor = floor,
            FloorMode = policy.FloorMode,
            LevyTiming = policy.LevyTiming,
            Members = double.IsNaN(floor) ? null : policy.Members,
            StartPrices = last?.Prices,
        };
    }
}
