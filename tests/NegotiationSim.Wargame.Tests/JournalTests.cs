using NegotiationSim.Core.Policy;
using NegotiationSim.Wargame;

namespace NegotiationSim.Wargame.Tests;

public sealed class JournalTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<string> CountriesOf(GameCreated _) => ["AUS", "CHN", "JPN", "USA"];

    private static Game Played()
    {
        var game = GameTests.NewGame();
        foreach (var input in new GameInput[]
                 {
                     new GameStarted(T0),
                     new MoveSubmitted(T0.AddSeconds(5), "t1", "AUS", 1, new TeamMove(BlocChoice.Join)),
                     new EventInjected(T0.AddSeconds(6), 2, new Disruption(2, 1, 0, Core.World.Stage.Refined, 0.5, 3)),
                     new MessageBroadcast(T0.AddSeconds(7), "Ministers meet <tonight>"),
                     new RoundClosed(T0.AddSeconds(8), 1, CloseReason.InstructorAdvanced),
                     new MoveSubmitted(T0.AddSeconds(9), "t2", "JPN", 2, new TeamMove(BlocChoice.Leave)),
                 })
            game.Apply(input);
        return game;
    }

    [Fact]
    public void Reopen_ReplaysToTheSameGame()
    {
        var path = Path.Combine(_dir, "game.jsonl");
        var played = Played();
        using (var journal = Journal.Open(path))
            foreach (var input in played.Inputs) journal.Append(input);

        using var reopened = Journal.Open(path);
        var replayed = Game.Replay(reopened.Inputs, CountriesOf);
        Assert.Equal(played.Inputs.Select(Journal.Serialize), replayed.Inputs.Select(Journal.Serialize));
        Assert.Equal(2, replayed.Round);
        Assert.Equal(BlocChoice.Leave, replayed.Moves["JPN"].Bloc);
        Assert.Equal(["Ministers meet <tonight>"], replayed.Messages);
        Assert.IsType<Disruption>(Assert.Single(replayed.InjectedFor(2)).Event);
    }

    [Fact]
    public void Reopen_AfterATornLastLine_DropsItAndAppendsCleanly()
    {
        var path = Path.Combine(_dir, "game.jsonl");
        var played = Played();
        using (var journal = Journal.Open(path))
            foreach (var input in played.Inputs) journal.Append(input);
        var whole = File.ReadAllBytes(path).Length;
        const string torn = "{\"kind\":\"move\",\"at\":\"2026-11-23T09:00:10+00:00\",\"teamId\":\"t1\",\"coun";
        File.AppendAllText(path, torn);
        // The check a host runs first says how much opening will drop (the host tells the instructor), and changes nothing.
        Assert.Equal(torn.Length, Journal.Check(path));
        Assert.Equal(whole + torn.Length, new FileInfo(path).Length);

        using (var journal = Journal.Open(path))
        {
            Assert.Equal(played.Inputs.Count, journal.Inputs.Count);
            Assert.Equal(whole, new FileInfo(path).Length);
            journal.Append(new MessageBroadcast(T0.AddSeconds(20), "after the crash"));
        }
        Assert.Equal(0, Journal.Check(path));
        using var again = Journal.Open(path);
        Assert.Equal("after the crash", Assert.IsType<MessageBroadcast>(again.Inputs[^1]).Text);
    }

    [Fact]
    public void Open_AFileCutInsideItsFirstLine_IsRefusedWithItsPlace_AndLeftAsItIs()
    {
        // The game's creation (scenario, seed, key) cut short by a crash or a bad copy: a fresh game must not overwrite it.
        var path = Path.Combine(_dir, "game.jsonl");
        var header = Journal.Serialize(Played().Inputs[0]);
        File.WriteAllText(path, header[..(header.Length / 2)]);
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<InvalidDataException>(() => Journal.Open(path));

        Assert.Equal($"{path}:1: the game's creation is cut short (no end of line): the journal is damaged and was left as it is", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_AnEmptyFile_StartsANewJournal()
    {
        var path = Path.Combine(_dir, "game.jsonl");
        File.WriteAllText(path, "");
        using var journal = Journal.Open(path);
        Assert.Empty(journal.Inputs);
    }

    [Fact]
    public void Open_ADamagedLine_SaysWhichLine()
    {
        var path = Path.Combine(_dir, "game.jsonl");
        var played = Played();
        var lines = played.Inputs.Select(Journal.Serialize).ToList();
        lines[2] = "{\"kind\":\"nonsense\"}";
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<InvalidDataException>(() => Journal.Open(path));
        Assert.Contains("game.jsonl:3:", e.Message);
    }

    [Fact]
    public void Open_ALineWithNoInputKind_SaysWhichLine()
    {
        // Valid JSON that names no kind of input (a file that is not a journal): refused with its place, not a crash.
        var path = Path.Combine(_dir, "game.jsonl");
        var lines = Played().Inputs.Select(Journal.Serialize).ToList();
        lines[1] = "{\"round\":1}";
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var e = Assert.Throws<InvalidDataException>(() => Journal.Open(path));
        Assert.Contains("game.jsonl:2: not a journal entry", e.Message);
    }
}
