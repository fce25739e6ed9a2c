namespace NegotiationSim.Core.World;

/// <summary>
/// The fixed base-year world: countries (sorted by id, which is the model's canonical order), minerals,
/// and per country × market the base production, capacity and consumption share, reserves and tariffs.
/// Quantities are tonnes per month. Immutable once built; every run starts from it.
/// </summary>
public sealed class WorldDefinition
{
    public WorldDefinition(
        IReadOnlyList<CountryDefinition> countries,
        IReadOnlyList<MineralDefinition> minerals,
        double[][] production,
        double[][] capacity,
        double[][] consumptionShare,
        double[][] reserves,
        IReadOnlyList<TariffRule> tariffs)
    {
        Countries = countries;
        Minerals = minerals;
        Production = production;
        Capacity = capacity;
        ConsumptionShare = consumptionShare;
        Reserves = reserves;
        Tariffs = tariffs;
        for (var i = 1; i < countries.Count; i++)
        {
            if (string.CompareOrdinal(countries[i - 1].Id, countries[i].Id) >= 0)
                throw new ArgumentException("countries must be sorted by id and unique", nameof(countries));
        }
    }

    public IReadOnlyList<CountryDefinition> Countries { get; }
    public IReadOnlyList<MineralDefinition> Minerals { get; }

    /// <summary>[country][market index] base production, t/month.</summary>
    public double[][] Production { get; }

    /// <summary>[country][market index] capacity, t/month.</summary>
    public double[][] Capacity { get; }

    /// <summary>[country][market index] share of world use of that market (columns sum to 1).</summary>
    public double[][] ConsumptionShare { get; }

    /// <summary>[country][mineral] reserves, t.</summary>
    public double[][] Reserves { get; }

    public IReadOnlyList<TariffRule> Tariffs { get; }

    public int CountryCount => Countries.Count;
    public int MarketCount => Minerals.Count * Stages.Count;

    public int CountryIndex(string id)
    {
        for (var i = 0; i < Countries.Count; i++)
        {
            if (Countries[i].Id == id) return i;
        }
        return -1;
    }

    /// <summary>A country's name for people (reports, news, pages); an id the world does not know is shown as given.</summary>
    public string CountryName(string id) => CountryIndex(id) is var i and >= 0 ? Countries[i].Name : id;

    /// <summary>A mineral's name for people; an id the world does not know is shown as given.</summary>
    public string MineralName(string id) => MineralIndex(id) is var m and >= 0 ? Minerals[m].Name : id;

    public int MineralIndex(string id)
    {
        for (var m = 0; m < Minerals.Count; m++)
        {
            if (Minerals[m].Id == id) return m;
        }
        return -1;
    }

    public int IndexOfRole(CountryRole role)
    {
        for (var i = 0; i < Countries.Count; i++)
        {
            if (Countries[i].Role == role) return i;
        }
        return -1;
    }

    /// <summary>The base ad-valorem tariff of importer j on exporter i in a market: the most specific rule wins.</summary>
    public double BaseTariff(int importer, int exporter, MarketId market)
    {
        if (importer == exporter) return 0;
        var best = 0.0;
        var bestScore = -1;
        foreach (var rule in Tariffs)
        {
            if (rule.Importer != importer) continue;
            if (rule.Exporter is int e && e != exporter) continue;
            if (rule.Mineral is int m && m != market.Mineral) continue;
            if (rule.Stage is Stage s && s != market.Stage) continue;
            var score = (rule.Exporter is null ? 0 : 4) + (rule.Mineral is null ? 0 : 2) + (rule.Stage is null ? 0 : 1);
            if (score > bestScore)
            {
                bestScore = score;
                best = rule.Rate;
            }
        }
        return best;
    }
}
