using System.Text.Json.Serialization;

namespace NegotiationSim.Wargame;

/// <summary>What a scenario says about pacing a class.</summary>
/// <param name="RoundSeconds">How long teams have each round before the timer closes it.</param>
/// <param name="OnTimeout">Whether a team that has not moved when the timer runs out is played by its strategy or makes no move.</param>
/// <param name="Rounds">The last round of the game.</param>
public sealed record GameRules(int RoundSeconds, TimeoutFill OnTimeout, int Rounds);

[JsonConverter(typeof(JsonStringEnumConverter<TimeoutFill>))]
public enum TimeoutFill { Computer, NoMove }
