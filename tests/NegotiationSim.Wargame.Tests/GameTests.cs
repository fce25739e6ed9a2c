using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

public sealed class GameTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Countries = ["AUS", "CHN", "JPN", "USA"];

    internal static Game NewGame(int roundSeconds = 300, int rounds = 3)
    {
        var game = Game.Create(new GameCreated(T0, "class", "rounds: 3", 7, Secrets.Hash("KEY"),
            new GameRules(roundSeconds, TimeoutFill.Computer, rounds)), Countries);
        Take(game, new TeamAdded(T0, "t1", "Team Kangaroo", Secrets.Hash("CODE1")));
        Take(game, new TeamAdded(T0, "t2", "Team Sakura", Secrets.Hash("CODE2")));
        Take(game, new SeatChanged(T0, "AUS", "t1"));
        Take(game, new SeatChanged(T0, "JPN", "t2"));
        return game;
    }

    private static void Take(Game game, GameInput input)
    {
        Assert.Null(game.Check(input));
        game.Apply(input);
    }

    [Fact]
    public void Move_ForAnotherTeamsCountry_IsRefusedAndChangesNothing()
    {
        var game = NewGame();
        Take(game, new GameStarted(T0));
        var forged = new MoveSubmitted(T0.AddSeconds(5), "t1", "JPN", 1, new TeamMove(BlocChoice.Join));
        Assert.Equal("your team does not play JPN", game.Check(forged));
        Assert.Throws<InvalidOperationException>(() => game.Apply(forged));
        Assert.Empty(game.Moves);
    }

    [Fact]
    public void Move_ForAPastRound_IsRefused()
    {
        var game = NewGame();
        Take(game, new GameStarted(T0));
        Take(game, new RoundClosed(T0.AddSeconds(10), 1, CloseReason.InstructorAdvanced));
        var stale = new MoveSubmitted(T0.AddSeconds(11), "t1", "AUS", 1, new TeamMove(BlocChoice.Join));
        Assert.Equal("round 1 is not the current round (2)", game.Check(stale));
    }

    [Fact]
    public void Round_ClosesForAllMovedOnlyOnceEveryTeamHasMoved()
    {
        var game = NewGame();
        Take(game, new GameStarted(T0));
        Take(game, new MoveSubmitted(T0.AddSeconds(5), "t1", "AUS", 1, new TeamMove(BlocChoice.Join)));
        Assert.Equal(["JPN"], game.Waiting);
        Assert.Equal("still waiting for JPN", game.Check(new RoundClosed(T0.AddSeconds(6), 1, CloseReason.AllMoved)));
        Take(game, new MoveSubmitted(T0.AddSeconds(7), "t2", "JPN", 1, new TeamMove(BlocChoice.Stay)));
        Take(game, new RoundClosed(T0.AddSeconds(8), 1, CloseReason.AllMoved));
        Assert.Equal(2, game.Round);
        Assert.Equal(BlocChoice.Join, game.History[0].Moves["AUS"].Bloc);
        Assert.Empty(game.Moves);
    }

    [Fact]
    public void Timer_PauseKeepsTheTimeLeftAndExtendAddsToIt()
    {
        var game = NewGame(roundSeconds: 300);
        Take(game, new GameStarted(T0));
        Assert.Equal("the timer has not run out", game.Check(new RoundClosed(T0.AddSeconds(299), 1, CloseReason.TimerExpired)));
        Take(game, new GamePaused(T0.AddSeconds(100)));
        Assert.Equal("the game is paused", game.Check(new MoveSubmitted(T0.AddSeconds(101), "t1", "AUS", 1, new TeamMove(BlocChoice.Join))));
        Take(game, new TimerExtended(T0.AddSeconds(150), 1, 60));
        Take(game, new GameResumed(T0.AddSeconds(1000)));
        Assert.Equal(T0.AddSeconds(1000 + 200 + 60), game.Deadline);
        Take(game, new RoundClosed(T0.AddSeconds(1260), 1, CloseReason.TimerExpired));
    }

    [Fact]
    public void PauseAfterARestart_ResumesWithTheTimeLeftWhenTheHostWentDown()
    {
        var game = NewGame(roundSeconds: 300);
        Take(game, new GameStarted(T0));
        // The host went down at T0 + 50 s and came back two hours later, long after the round's deadline.
        var back = T0.AddHours(2);
        Assert.Equal("seconds left: 0 to 86400", game.Check(new GamePaused(back, PauseCause.HostRestarted, -1)));
        Take(game, new GamePaused(back, PauseCause.HostRestarted, 250));
        Assert.Equal(PauseCause.HostRestarted, game.PausedBy);
        Assert.Equal(250, game.PausedSecondsLeft);
        Take(game, new GameResumed(back.AddSeconds(30)));
        Assert.Null(game.PausedBy);
        Assert.Equal(back.AddSeconds(280), game.Deadline);
        Assert.Equal("the timer has not run out", game.Check(new RoundClosed(back.AddSeconds(279), 1, CloseReason.TimerExpired)));
    }

    [Fact]
    public void InstructorPause_IsJournaledAsBefore()
    {
        Assert.Equal("{\"kind\":\"pause\",\"at\":\"2026-11-23T09:00:00+00:00\"}", Journal.Serialize(new GamePaused(T0)));
        Assert.Contains("\"cause\":\"HostRestarted\",\"secondsLeft\":250", Journal.Serialize(new GamePaused(T0, PauseCause.HostRestarted, 250)));
    }

    [Fact]
    public void Seat_CanPassToTheComputerAndBack()
    {
        var game = NewGame();
        Take(game, new GameStarted(T0));
        Take(game, new SeatChanged(T0.AddSeconds(1), "JPN", null));
        Assert.Equal(["AUS"], game.PlayedCountries);
        Assert.Equal("your team does not play JPN", game.Check(new MoveSubmitted(T0.AddSeconds(2), "t2", "JPN", 1, new TeamMove(BlocChoice.Join))));
        Take(game, new SeatChanged(T0.AddSeconds(3), "JPN", "t2"));
        Assert.Equal("team 't1' already plays AUS", game.Check(new SeatChanged(T0.AddSeconds(4), "USA", "t1")));
    }

    [Fact]
    public void LastRound_EndsTheGame()
    {
        var game = NewGame(rounds: 2);
        Take(game, new GameStarted(T0));
        Take(game, new RoundClosed(T0.AddSeconds(1), 1, CloseReason.InstructorAdvanced));
        Take(game, new RoundClosed(T0.AddSeconds(2), 2, CloseReason.InstructorAdvanced));
        Assert.Equal(GamePhase.Ended, game.Phase);
        Assert.NotNull(game.Check(new MoveSubmitted(T0.AddSeconds(3), "t1", "AUS", 2, new TeamMove(BlocChoice.Join))));
    }
}
