namespace NegotiationSim.Core.World;

/// <summary>An ad-valorem tariff of an importer, optionally limited to one exporter, mineral or stage.</summary>
public sealed record TariffRule(int Importer, int? Exporter, int? Mineral, Stage? Stage, double Rate);
