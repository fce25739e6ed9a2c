using NegotiationSim.Cli.Reports;

namespace NegotiationSim.Cli.Tests;

/// <summary>Damaged run folders (truncated, overwritten, garbage) give a RunFolderException naming a file, or a page; nothing else.</summary>
[Collection("gallium runs")]
public sealed class RunFolderFuzzTests(GalliumRuns runs)
{
    [Fact]
    public void Load_FiveHundredDamagedFolders_EveryFailureNamesItsFile()
    {
        // Given: one pristine copy, damaged again and again with a fixed seed
        var folder = runs.Copy(runs.Base);
        var pristine = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        var files = pristine.Keys.Order(StringComparer.Ordinal).ToArray();
        var random = new Random(20260223);
        var (failures, pages) = (0, 0);
        var intact = RunFolder.Load(runs.Base);

        for (var i = 0; i < 500; i++)
        {
            foreach (var (f, bytes) in pristine) File.WriteAllBytes(f, bytes);
            var target = files[random.Next(files.Length)];
            File.WriteAllBytes(target, Damage(pristine[target], random));

            // When
            try
            {
                var damaged = RunFolder.Load(folder);
                var page = ReportPage.Build(damaged);
                var compare = ComparePage.Build(RunComparison.Of(intact, damaged));
                Assert.Contains("</html>", page);
                Assert.Contains("</html>", compare);
                pages++;
            }
            // Then: a failure names the damaged file (or the folder, for a missing piece)
            catch (RunFolderException e)
            {
                Assert.StartsWith(folder, e.Message);
                failures++;
            }
        }
        Assert.True(failures > 50 && pages > 5, $"{failures} failures, {pages} pages: the damage should sometimes break and sometimes not");
    }

    private static byte[] Damage(byte[] bytes, Random random)
    {
        var b = bytes.ToArray();
        if (b.Length == 0) return [.. "\u0000garbage"u8.ToArray()];                               // an empty file (no deals) gets junk
        switch (random.Next(5))
        {
            case 0: return b[..random.Next(b.Length + 1)];                                        // truncated
            case 1: for (var k = 0; k < 1 + random.Next(8); k++) b[random.Next(b.Length)] = (byte)random.Next(256); return b; // bytes overwritten
            case 2: return [];                                                                    // empty
            case 3: return [.. b, .. "\n9999999,\"x\n"u8.ToArray()];                             // a bad row appended
            default:                                                                              // a digit becomes a letter, a comma vanishes
                var at = Array.FindIndex(b, random.Next(b.Length), x => x is (byte)',' or >= (byte)'0' and <= (byte)'9');
                if (at >= 0) b[at] = b[at] == ',' ? (byte)';' : (byte)'x';
                return b;
        }
    }
}
