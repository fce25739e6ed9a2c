using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationSim.Wargame;

/// <summary>
/// A war-game's journal: one JSON line per input, appended and flushed to disk before the input takes effect.
/// Opening a journal reads it back; a last line cut short by a crash was never acknowledged, so it is dropped and
/// the file truncated to the last whole line; a file cut inside its first line is refused, never overwritten. Any other
/// damage is reported with its line, never guessed around.
/// </summary>
public sealed class Journal : IDisposable
{
    // Named literals so an input the game accepted with a NaN meaning "not given" (a stockpile's BuyBelow) can be written;
    // the game's checks refuse every other non-finite number before it reaches the journal.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
    private readonly FileStream _file;
    private readonly Lock _gate = new();

    private Journal(FileStream file, IReadOnlyList<GameInput> inputs)
    {
        _file = file;
        Inputs = inputs;
    }

    /// <summary>The inputs found when the journal was opened.</summary>
    public IReadOnlyList<GameInput> Inputs { get; }

    public string Path => _file.Name;

    /// <summary>Opens (or creates) the journal at <paramref name="path"/> and reads what it holds.</summary>
    public static Journal Open(string path)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var (inputs, goodLength) = Read(file, path);
            file.SetLength(goodLength);
            file.Seek(0, SeekOrigin.End);
            return new Journal(file, inputs);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the journal at <paramref name="path"/>, if there is one, without changing it, and throws
    /// <see cref="InvalidDataException"/> (`file:line: reason`) if it is damaged: a host checks before it starts its silo,
    /// so a damaged journal is refused before anything else is running.
    /// </summary>
    /// <returns>The bytes of an unfinished last entry that opening the journal will drop (0 if none).</returns>
    public static long Check(string path)
    {
        if (!File.Exists(path)) return 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return file.Length - Read(file, path).GoodLength;
    }

    /// <summary>Writes one input and waits until it is on disk.</summary>
    public void Append(GameInput input)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(input, Json);
        lock (_gate)
        {
            _file.Write(line);
            _file.WriteByte((byte)'\n');
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _file.Dispose();

    private static (List<GameInput> Inputs, long GoodLength) Read(FileStream file, string path)
    {
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        var inputs = new List<GameInput>();
        var start = 0;
        var lineNumber = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            // A journal cut inside its first line has lost the game's creation (its scenario, seed and key): starting a
            // fresh game there would overwrite what is left, so it is refused and the file left as it is.
            if (end < 0 && lineNumber == 0)
                throw new InvalidDataException($"{path}:1: the game's creation is cut short (no end of line): the journal is damaged and was left as it is");
            if (end < 0) break; // a torn last line: the crash came before it was flushed and acknowledged
            lineNumber++;
            var line = bytes.AsSpan(start, end - start);
            try
            {
                inputs.Add(JsonSerializer.Deserialize<GameInput>(line, Json)
                           ?? throw new JsonException("empty entry"));
            }
            // A line with no input kind ("$type") is refused by the serializer as unsupported rather than malformed.
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a journal entry ({e.Message})");
            }
            start = end + 1;
        }
        return (inputs, start);
    }

    /// <summary>The journal's text for an input, as <see cref="Append"/> writes it (for tests and exports).</summary>
    public static string Serialize(GameInput input) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(input, Json));
}
