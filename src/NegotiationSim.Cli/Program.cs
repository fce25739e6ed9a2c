using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console;

var root = new RootCommand("negsim: critical-mineral trade negotiations, simulated on Microsoft Orleans");
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
root.Subcommands.Add(RunCommand.Create(AnsiConsole.Console, errors));
root.Subcommands.Add(ValidateCommand.Create(AnsiConsole.Console));
root.Subcommands.Add(SchemaCommand.Create(AnsiConsole.Console, Console.Out));
root.Subcommands.Add(ServeCommand.Create(AnsiConsole.Console));
root.Subcommands.Add(ReportCommand.Create(AnsiConsole.Console));
root.Subcommands.Add(CompareCommand.Create(AnsiConsole.Console));
root.Subcommands.Add(WargameCommand.Create(AnsiConsole.Console));
try
{
    return await UsageErrors.InvokeAsync(root.Parse(args), new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // A user never sees a stack trace; the message says what failed.
    errors.MarkupLineInterpolated($"[red]negsim failed: {e.GetBaseException().Message}[/]");
    return 3;
}
