using System.CommandLine;
using NegotiationSim.Scenarios.Language;
using Spectre.Console;

namespace NegotiationSim.Cli;

/// <summary>
/// `negsim schema [--out FILE] [--docs FILE]`: the JSON Schema of scenario files (to stdout or a file), and the key
/// reference of docs/scenarios.md rewritten from the same description the loader uses. Exit 0 done, 1 a file could not be written, 2 usage.
/// </summary>
public static class SchemaCommand
{
    public static Command Create(IAnsiConsole console, TextWriter stdout)
    {
        var output = new Option<FileInfo?>("--out", "-o") { Description = "write the schema to this file (default: standard output)" };
        var docs = new Option<FileInfo?>("--docs") { Description = "rewrite the key reference between the markers of this Markdown page" };
        var command = new Command("schema", "write the JSON Schema of scenario files (for editors) and the docs' key reference") { output, docs };
        command.SetAction(pr => Write(console, stdout, pr.GetValue(output), pr.GetValue(docs)));
        return command;
    }

    private static int Write(IAnsiConsole console, TextWriter stdout, FileInfo? output, FileInfo? docs)
    {
        try
        {
            return WriteFiles(console, stdout, output, docs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]cannot write: {e.Message}[/]");
            return 1;
        }
    }

    private static int WriteFiles(IAnsiConsole console, TextWriter stdout, FileInfo? output, FileInfo? docs)
    {
        if (docs is not null)
        {
            if (!docs.Exists) { console.MarkupLineInterpolated($"[red]{docs.FullName}: no such page[/]"); return 2; }
            string page;
            try
            {
                page = KeyReferenceWriter.Splice(File.ReadAllText(docs.FullName));
            }
            catch (FormatException e)
            {
                console.MarkupLineInterpolated($"[red]{docs.FullName}: {e.Message}[/]");
                return 2;
            }
            File.WriteAllText(docs.FullName, page);
            console.MarkupLineInterpolated($"[green]key reference written to {docs.FullName}[/]");
        }
        var schema = JsonSchemaWriter.Write();
        if (output is null)
        {
            if (docs is null) stdout.Write(schema);
            return 0;
        }
        File.WriteAllText(output.FullName, schema);
        console.MarkupLineInterpolated($"[green]schema written to {output.FullName}[/]");
        return 0;
    }
}
