using System.CommandLine;
using System.CommandLine.Invocation;

namespace NegotiationSim.Cli;

/// <summary>
/// negsim's exit codes: 0 done, 1 an input is invalid or could not be used (a scenario's errors, a damaged run folder),
/// 2 usage (an unknown option, a bad option value), 3 an unexpected failure. System.CommandLine answers a command line
/// it cannot parse with 1, which here means a broken input; so that case is mapped to 2, as each command's own option
/// checks return. Its errors go to standard error with a pointer to --help: the whole help page after them would bury
/// the one line that matters, and it would go to standard output, where a pipe expects `--format json` data.
/// </summary>
public static class UsageErrors
{
    public const int Exit = 2;

    public static async Task<int> InvokeAsync(ParseResult pr, InvocationConfiguration config, CancellationToken ct = default)
    {
        if (pr.Action is not ParseErrorAction action) return await pr.InvokeAsync(config, ct);
        var command = pr.CommandResult.Command;
        // `negsim` alone or an unknown command: the list of commands is the answer.
        action.ShowHelp = command is RootCommand;
        await pr.InvokeAsync(config, ct);
        if (!action.ShowHelp) await config.Error.WriteLineAsync($"'negsim {command.Name} --help' lists the options.");
        return Exit;
    }
}
