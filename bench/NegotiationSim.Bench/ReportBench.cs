using System.Diagnostics;
using NegotiationSim.Cli;
using NegotiationSim.Cli.Reports;
using NegotiationSim.Core.Policy;
using NegotiationSim.Core.Reports;

namespace NegotiationSim.Bench;

/// <summary>
/// `--report`: how long `negsim report` and `negsim compare` take on this run's folder — reading the files back and
/// building the page — first call (as a user meets it, JIT included) and the median of five warm calls.
/// </summary>
public static class ReportBench
{
    public static void Print(Scenario scenario, IReadOnlyList<RoundReport> reports)
    {
        var dir = Directory.CreateTempSubdirectory("negsim-bench-report-").FullName;
        try
        {
            RunFiles.Write(dir, scenario, reports, "bench");
            var bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
            var (reportFirst, reportWarm, size) = Time(() => ReportPage.Build(RunFolder.Load(dir)).Length);
            var (compareFirst, compareWarm, _) = Time(() => ComparePage.Build(RunComparison.Of(RunFolder.Load(dir), RunFolder.Load(dir))).Length);
            Console.WriteLine(FormattableString.Invariant(
                $"report   first {reportFirst,7:F0} ms  warm {reportWarm,7:F0} ms  page {size / 1024.0:F0} KB from {bytes / 1048576.0:F1} MB of run files"));
            Console.WriteLine(FormattableString.Invariant($"compare  first {compareFirst,7:F0} ms  warm {compareWarm,7:F0} ms  (the run against itself)"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static (double First, double WarmMedian, int Size) Time(Func<int> build)
    {
        var sw = Stopwatch.StartNew();
        var size = build();
        var first = sw.Elapsed.TotalMilliseconds;
        var warm = new double[5];
        for (var i = 0; i < warm.Length; i++)
        {
            sw.Restart();
            build();
            warm[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(warm);
        return (first, warm[warm.Length / 2], size);
    }
}
