namespace NegotiationSim.Core.World;

/// <summary>A country's fixed description: identity, role, stance and political stability (0..1, scales disruption hazard).</summary>
public sealed record CountryDefinition(string Id, string Name, CountryRole Role, Stance Stance, double Stability);
