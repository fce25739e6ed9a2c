using System.Text.Json.Serialization;

namespace NegotiationSim.Wargame;

/// <summary>A team's decisions for one round. The last move a team submits in a round is the one that counts.</summary>
/// <param name="Threat">The team's answer to a Section 232 threat against its country: complying means joining the bloc, as the US demands.</param>
public sealed record TeamMove(BlocChoice Bloc, ThreatAnswer Threat = ThreatAnswer.None)
{
    /// <summary>The bloc decision the move amounts to: complying with a threat is a decision to join.</summary>
    public BlocChoice Effective => Threat == ThreatAnswer.Comply ? BlocChoice.Join : Bloc;
}

[JsonConverter(typeof(JsonStringEnumConverter<BlocChoice>))]
public enum BlocChoice { Stay, Join, Leave }

[JsonConverter(typeof(JsonStringEnumConverter<ThreatAnswer>))]
public enum ThreatAnswer { None, Comply, Defy }
