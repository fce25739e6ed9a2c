namespace NegotiationSim.Core.World;

/// <summary>State actors with their own decision rules (MODEL.md §4.4); everyone else is a plain country.</summary>
public enum CountryRole
{
    Country = 0,
    BlocLeader = 1,
    China = 2,
}
