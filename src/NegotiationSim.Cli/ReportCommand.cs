using System.CommandLine;
using System.Diagnostics;
using NegotiationSim.Cli.Reports;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>`negsim report &lt;out-dir&gt;`: one self-contained HTML page for a finished run (default: report.html in the run folder).</summary>
public static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var folder = new Argument<DirectoryInfo>("out-dir") { Description = "a folder written by `negsim run`" };
        var html = new Option<FileInfo?>("--html", "-o") { HelpName = "file", Description = "where to write the page (default: <out-dir>/report.html)" };
        var command = new Command("report", "write a run's results as one HTML page that opens offline") { folder, html };
        command.SetAction(pr => Report(console, pr.GetValue(folder)!, pr.GetValue(html)));
        return command;
    }

    /// <summary>Builds the page for <paramref name="folder"/> and writes it; returns where.</summary>
    /// <exception cref="RunFolderException">the folder is missing a file or a file is broken</exception>
    public static string Write(string folder, string? html)
    {
        var page = ReportPage.Build(RunFolder.Load(folder));
        var path = html ?? Path.Combine(folder, "report.html");
        File.WriteAllText(path, page);
        return path;
    }

    private static int Report(IAnsiConsole console, DirectoryInfo folder, FileInfo? html)
    {
        var clock = Stopwatch.StartNew();
        RunFolder run;
        try { run = RunFolder.Load(folder.FullName); }
        catch (RunFolderException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
        var read = clock.Elapsed;
        var page = ReportPage.Build(run);
        var path = html?.FullName ?? Path.Combine(folder.FullName, "report.html");
        try { File.WriteAllText(path, page); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]{path}: cannot write the report ({e.Message})[/]");
            return 1;
        }
        console.MarkupLineInterpolated($"[green]report written to {path}[/] ({page.Length / 1024.0:F0} KB; read {read.TotalMilliseconds:F0} ms, total {clock.Elapsed.TotalMilliseconds:F0} ms)");
        return 0;
    }
}
