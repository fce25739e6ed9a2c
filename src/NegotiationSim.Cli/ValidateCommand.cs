using System.CommandLine;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;
using NegotiationSim.Scenarios;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>`negsim validate <files...>`: every error of every file at once, as file:line:col: message. Exit 0 valid, 1 invalid, 2 usage.</summary>
public static class ValidateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var files = new Argument<FileInfo[]>("scenarios") { Description = "scenario files (YAML)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "check scenario files without running them") { files };
        command.SetAction(pr => Validate(console, pr.GetValue(files) ?? []));
        return command;
    }

    private static int Validate(IAnsiConsole console, FileInfo[] files)
    {
        if (files.Length == 0)
        {
            console.MarkupLine("[red]give at least one scenario file: negsim validate <file.yaml>...[/]");
            return 2;
        }
        var invalid = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var file in files)
        {
            if (ScenarioLoader.TryLoad(file.FullName, out var scenario, out var errors))
            {
                console.MarkupLineInterpolated($"[green]{file.Name}: valid[/] ({Plural.Of(scenario!.World.CountryCount, "country", "countries")} × {Plural.Of(scenario.World.Minerals.Count, "mineral")}, {Plural.Of(scenario.Rounds, "round")}, {Plural.Of(scenario.Events.Count, "event")}{WargameRounds(scenario)})");
                continue;
            }
            invalid++;
            // One unwrapped line per error, so editors and grep can read file:line:col however narrow the terminal.
            foreach (var e in errors) console.Profile.Out.Writer.WriteLine(e.ToString());
        }
        console.MarkupLineInterpolated($"{Plural.Of(files.Length, "file")} checked in {watch.Elapsed.TotalMilliseconds:F0} ms: {files.Length - invalid} valid, {invalid} invalid");
        return invalid == 0 ? 0 : 1;
    }

    /// <summary>
    /// A war-game plays fewer rounds than the scenario simulates (game round r's decisions shape simulated round r + 1),
    /// so a classroom scenario's two counts are both given: "13 rounds, …; a war-game plays 12 rounds".
    /// </summary>
    private static string WargameRounds(Scenario scenario) =>
        scenario.Classroom is { } c ? $"; a war-game plays {Plural.Of(c.Rounds ?? scenario.Rounds - 1, "round")}" : "";
}
