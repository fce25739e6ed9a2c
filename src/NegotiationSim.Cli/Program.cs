using System.CommandLine;
using NegotiationSim.Cli;
using Spectre.Console;

var root = new RootCommand("negsim: critical-mineral trade negotiations, simulated on Microsoft Orleans");
root.Subcommands.Add(RunCommand.Create(AnsiConsole.Console));
return await root.Parse(args).InvokeAsync();
