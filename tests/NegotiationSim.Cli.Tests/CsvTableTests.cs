using NegotiationSim.Cli.Reports;

namespace NegotiationSim.Cli.Tests;

/// <summary>Reading run files back: quoted reasons (commas, quotes, line breaks) survive, and line numbers stay true.</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void Read_QuotedFields_ComeBackAsWrittenWithTrueLineNumbers()
    {
        // Given: the quoting RunFiles writes, a CRLF line, a reason over two lines, then a bad number
        var path = Path.Combine(Directory.CreateTempSubdirectory("negsim-csv-").FullName, "events.csv");
        File.WriteAllText(path, "round,reason,value\n1,\"alignment +148,451 $; said \"\"no\"\"\",2\r\n2,plain,3\n3,\"two\nlines\",4\n4,x,oops\n");

        // When
        var t = CsvTable.Read(path, "round", "reason", "value");

        // Then
        Assert.Equal(4, t.Rows.Count);
        Assert.Equal("alignment +148,451 $; said \"no\"", t.Text(0, "reason"));
        Assert.Equal(2, t.Number(0, "value"));
        Assert.Equal("two\nlines", t.Text(2, "reason"));
        Assert.Equal(4, t.Number(2, "value"));
        var e = Assert.Throws<RunFolderException>(() => t.Number(3, "value"));
        Assert.Equal($"{path}:6: value 'oops' is not a number", e.Message);
    }
}
