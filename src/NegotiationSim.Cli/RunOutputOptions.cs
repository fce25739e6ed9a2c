using System.CommandLine;
using Spectre.Console;

namespace NegotiationSim.Cli;

public enum OutputFormat { Table, Json, Csv }

/// <summary>--format, --quiet and --verbose for one command (options are not shared between commands).</summary>
public sealed class RunOutputOptions
{
    public Option<OutputFormat> Format { get; } = new("--format", "-f")
    {
        Description = "table (for people, the default), json (the run summary) or csv (the summary, one value a line) on standard output",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = OptionValues.OneOf<OutputFormat>,
        HelpName = OptionValues.Names<OutputFormat>("|"),
    };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "print only errors and the final line" };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "also print each round's events with their reasons, and who would leave or join the bloc" };

    /// <summary>The output the user asked for, or null (after saying why) when the options contradict each other.</summary>
    public RunOutput? From(ParseResult pr, IAnsiConsole console, IAnsiConsole diagnostics)
    {
        var (quiet, verbose) = (pr.GetValue(Quiet), pr.GetValue(Verbose));
        if (quiet && verbose)
        {
            diagnostics.MarkupLine("[red]--quiet and --verbose cannot be used together[/]");
            return null;
        }
        return new RunOutput(console, diagnostics, pr.GetValue(Format), quiet, verbose);
    }
}
