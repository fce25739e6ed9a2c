namespace NegotiationSim.Core.Policy;

/// <summary>
/// A scenario's `wargame:` section: how a class plays it (`negsim wargame`). Absent: 10-minute rounds, the computer
/// fills in for a team that has not moved, the scenario's rounds less one, and teams see only their own country's rows,
/// deals and offers.
/// </summary>
/// <param name="RoundSeconds">Time teams have each round before the timer closes it.</param>
/// <param name="ComputerFillsIn">When the timer runs out, a team that has not moved is played by its country's strategy (else it makes no move).</param>
/// <param name="Rounds">Rounds the class plays; null: the scenario's rounds less one (decisions of the last round shape one more simulated round).</param>
/// <param name="Information">What each team may see of the world (<see cref="InformationRules"/>); null: <see cref="InformationRules.Own"/>.</param>
public sealed record ClassroomSettings(int RoundSeconds = 600, bool ComputerFillsIn = true, int? Rounds = null, InformationRules? Information = null)
{
    public InformationRules Sight => Information ?? InformationRules.Own;
}
