using System.Text.Json.Serialization;

namespace NegotiationSim.Wargame;

/// <summary>A team's decisions for one round. The last move a team submits in a round is the one that counts.</summary>
public sealed record TeamMove(BlocChoice Bloc);

[JsonConverter(typeof(JsonStringEnumConverter<BlocChoice>))]
public enum BlocChoice { Stay, Join, Leave }
