using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace NegotiationSim.Scenarios.Tests;

/// <summary>
/// No input, however broken, gives a stack trace: the library's files are mutated thousands of times and every result
/// is either a scenario or a list of positioned errors.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// Inputs in all, shared round-robin among the library's files, so the test's time stays put as the library grows
    /// (about 10 ms an input on the reference machine). The count tried is printed (run with
    /// `--logger "console;verbosity=detailed"`).
    /// </summary>
    private const int Inputs = 2400;

    [Fact]
    public void Load_MutatedLibraryFiles_NeverThrowAndEveryErrorHasAPosition()
    {
        // Given
        var files = TestFiles.Library().Order(StringComparer.Ordinal).Select(f => (Path: f, Text: File.ReadAllText(f))).ToArray();
        // Byte-level breaks go through a real file: copies of the library, so `extends:` finds its base beside them.
        var copies = Directory.CreateTempSubdirectory("negsim-fuzz-").FullName;
        foreach (var (f, _) in files)
        {
            var dir = Path.Combine(copies, Path.GetFileName(Path.GetDirectoryName(f))!);
            Directory.CreateDirectory(dir);
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)), overwrite: true);
        }
        var other = File.ReadAllText(TestFiles.GalliumControl);
        var mutator = new ScenarioMutator(seed: 20261123);
        var watch = Stopwatch.StartNew();
        var (valid, invalid) = (0, 0);

        // When
        for (var i = 0; i < Inputs; i++)
        {
            var (file, original) = files[i % files.Length];
            var throughFile = i % 10 == 9;
            var fuzzPath = Path.Combine(throughFile ? Path.Combine(copies, Path.GetFileName(Path.GetDirectoryName(file))!) : Path.GetDirectoryName(file)!,
                "fuzz-" + Path.GetFileName(file));
            string text;
            if (throughFile)
            {
                var bytes = mutator.MutateBytes(Encoding.UTF8.GetBytes(original));
                File.WriteAllBytes(fuzzPath, bytes);
                text = Encoding.UTF8.GetString(bytes);
            }
            else
            {
                text = mutator.Mutate(original, other);
            }
            bool ok;
            IReadOnlyList<ScenarioError> errors;
            try
            {
                ok = throughFile ? ScenarioLoader.TryLoad(fuzzPath, out _, out errors) : ScenarioLoader.TryLoadText(fuzzPath, text, out _, out errors);
            }
            catch (Exception e)
            {
                Assert.Fail($"input {i} ({Path.GetFileName(file)}, last mutation {mutator.Last}) threw {e.GetType().Name}: {e.Message}\n{string.Join("\n", (e.StackTrace ?? "").Split('\n').Take(6))}\n--- input (first 400 chars) ---\n{text[..Math.Min(400, text.Length)]}");
                return;
            }

            // Then
            if (ok) { valid++; Assert.Empty(errors); continue; }
            invalid++;
            Assert.NotEmpty(errors);
            foreach (var e in errors)
            {
                Assert.True(e.Line >= 1 && e.Column >= 1, $"input {i}: error without a position: {e}");
                Assert.False(string.IsNullOrWhiteSpace(e.Message), $"input {i}: error without a message at {e.Line}:{e.Column}");
                Assert.False(string.IsNullOrEmpty(e.File));
            }
        }
        Directory.Delete(copies, recursive: true);
        output.WriteLine($"fuzz: {Inputs} inputs tried from {files.Length} library files ({valid} still valid, {invalid} refused with positioned errors) in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(Inputs, valid + invalid);
        Assert.True(invalid > Inputs / 2, "the mutations should break most inputs");
    }
}
