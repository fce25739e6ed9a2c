using System.Diagnostics;

namespace NegotiationSim.Wargame.Tests;

/// <summary>`negsim wargame` on a damaged journal, run as an instructor runs it: one line saying where and what, no stack, no overwrite.</summary>
public sealed class WargameJournalStartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("negsim-damaged-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task JournalCutInsideItsFirstLine_IsRefusedAtStartUp_InOneLine_AndLeftAsItIs()
    {
        // Given: a journal whose first line (the game's creation) a crash or a bad copy cut short
        var journal = Path.Combine(_dir, "class.jsonl");
        await File.WriteAllTextAsync(journal, "{\"kind\":\"created\",\"at\":\"2026-11-23T09:00:00+00:00\",\"scenarioName\":\"gallium-negotiation.yaml\",\"scenarioYaml\":\"name: Gal");
        var before = await File.ReadAllBytesAsync(journal);

        // When
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "negsim.dll"), "wargame", WargameServer.Gallium, "--journal", journal, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        start.Environment["COLUMNS"] = "400"; // one line per message
        using var process = Process.Start(start)!;
        var (output, errors) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"negsim wargame did not exit on a damaged journal within 90 s:\n{await output}");
        }

        // Then
        Assert.Equal(1, process.ExitCode);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([$"{journal}:1: the game's creation is cut short (no end of line): the journal is damaged and was left as it is"], lines);
        Assert.DoesNotContain("   at ", await errors);
        Assert.DoesNotContain("Exception", await errors);
        Assert.Equal(before, await File.ReadAllBytesAsync(journal));
    }
}
