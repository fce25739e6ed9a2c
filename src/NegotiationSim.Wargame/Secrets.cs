using System.Security.Cryptography;
using System.Text;

namespace NegotiationSim.Wargame;

/// <summary>
/// Join codes and the instructor key. They are drawn from the operating system's cryptographic generator, not from
/// the run's seeded streams: they guard access and must not be guessable from the scenario and seed. Only their
/// hashes are journaled, and comparisons take the same time whatever the input.
/// </summary>
public static class Secrets
{
    // Crockford's base32 without look-alikes: easy to read aloud and type from a projector.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new code of <paramref name="length"/> characters (5 bits each: 20 characters = 100 bits).</summary>
    public static string NewCode(int length = 20)
    {
        var chars = new char[length];
        for (var k = 0; k < length; k++) chars[k] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));

    public static bool Matches(string? presented, string hash)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 64) return false;
        var actual = Encoding.ASCII.GetBytes(Hash(presented));
        var expected = Encoding.ASCII.GetBytes(hash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    // Codes are read off a screen: ignore case, spaces and dashes people add.
    private static string Normalise(string code) =>
        new(code.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
}
