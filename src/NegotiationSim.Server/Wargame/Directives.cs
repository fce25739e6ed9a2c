using NegotiationSim.Core.Engine;
using NegotiationSim.Core.World;
using NegotiationSim.Wargame;

namespace NegotiationSim.Server.Wargame;

/// <summary>
/// Turns a game's closed rounds into the simulation's <see cref="RoundDirectives"/>. Game round r shows simulated
/// round r; the decisions made in it reach the engine in simulated round r + 1, which counts bloc decisions and
/// agreements with the US from round r, as it does a computer's decision of round r (so a join under notice meets a
/// Section 232 deadline the computer's would), and signs the deals agreed in game round r as of round r, on round r's
/// market, in force from round r + 1 as a session's agreement of round r is.
/// </summary>
public static class Directives
{
    /// <summary>Simulated round 1: teams hold their seats but have not decided anything yet.</summary>
    public static RoundDirectives ForFirstRound(Game game, WorldDefinition world, string? computerSeat = null)
    {
        var played = game.History.Count > 0 ? game.History[0].Played : game.PlayedCountries;
        return new(Seats(played, computerSeat, world), [], [], game.InjectedFor(1).Select(e => e.Event).ToArray(),
            StandIns: StandIn(played, computerSeat, world));
    }

    /// <summary>The computer's seat as a stand-in where the game had a team in it (see <see cref="RoundDirectives.StandIns"/>).</summary>
    private static int[] StandIn(IEnumerable<string> played, string? computerSeat, WorldDefinition world) =>
        computerSeat is not null && played.Contains(computerSeat) ? [world.CountryIndex(computerSeat)] : [];

    private static int[] Seats(IEnumerable<string> played, string? computerSeat, WorldDefinition world) =>
        played.Where(c => c != computerSeat).Select(world.CountryIndex).ToArray();

    /// <summary>
    /// Simulated round <paramref name="closed"/> + 1. A team that did not move before the timer ran out is played by its
    /// strategy when the scenario says the computer fills in, else it makes no decision. <paramref name="computerSeat"/>
    /// plays one more seat by the computer (the debrief's counterfactual): where the game had its team in it that round, as
    /// a stand-in, so the other pairs' automatic sessions are the game's.
    /// </summary>
    public static RoundDirectives After(Game game, WorldDefinition world, int closed, string? computerSeat = null)
    {
        var round = game.History.Single(h => h.Round == closed);
        var teams = round.Played.Where(c => round.Moves.ContainsKey(c) || round.Reason != CloseReason.TimerExpired
            || game.Rules.OnTimeout == TimeoutFill.NoMove).ToList();
        var played = teams.Where(c => c != computerSeat).ToList();
        var bloc = round.Moves.Where(m => played.Contains(m.Key) && m.Value.Effective != BlocChoice.Stay)
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new BlocDirective(world.CountryIndex(m.Key), m.Value.Effective == BlocChoice.Join)).ToArray();
        // The counterfactual leaves out the deals of the seat's team, not those other teams made with the seat's computer
        // in rounds no team held it.
        var seatTeam = computerSeat is not null && round.Played.Contains(computerSeat);
        var deals = game.AgreedIn(closed).Where(o => !seatTeam || (o.Buyer != computerSeat && o.Seller != computerSeat))
            .Select(o =>
            {
                Stages.TryParse(o.Stage, out var stage);
                return new AgreedDeal("W" + o.Id[1..], world.CountryIndex(o.Buyer), world.CountryIndex(o.Seller), world.MineralIndex(o.Mineral), stage, o.Outcome);
            }).ToArray();
        // Votes on applications count for the seats teams played; the engine takes each team's last vote on an applicant.
        var votes = round.Votes.Where(v => played.Contains(v.Country))
            .Select(v => new AdmissionBallot(world.CountryIndex(v.Country), world.CountryIndex(v.Applicant), v.Admit)).ToArray();
        return new RoundDirectives(played.Select(world.CountryIndex).ToArray(), bloc, deals,
            game.InjectedFor(closed + 1).Select(e => e.Event).ToArray(), votes, StandIn(teams, computerSeat, world));
    }
}
