using System.Diagnostics;
using NegotiationSim.Cli.Reports;

namespace NegotiationSim.Bench;

/// <summary>
/// `--report`: how long `negsim report` and `negsim compare` take on this run's folder — reading the files back and
/// building the page — first call (as a user meets it, JIT included) and the median of five warm calls.
/// </summary>
public static class ReportBench
{
    /// <summary>Times the pages on the run folder <paramref name="dir"/>, then deletes it if asked.</summary>
    public static void Print(string dir, bool delete)
    {
        try
        {
            var bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
            var (reportFirst, reportWarm, reportCpu, size) = Time(() => ReportPage.Build(RunFolder.Load(dir)).Length);
            var (compareFirst, compareWarm, compareCpu, _) = Time(() => ComparePage.Build(RunComparison.Of(RunFolder.Load(dir), RunFolder.Load(dir))).Length);
            Console.WriteLine(FormattableString.Invariant(
                $"report   first {reportFirst,7:F0} ms  warm {reportWarm,7:F0} ms (CPU {reportCpu:F0} ms)  page {size / 1024.0:F0} KB from {bytes / 1048576.0:F1} MB of run files"));
            Console.WriteLine(FormattableString.Invariant($"compare  first {compareFirst,7:F0} ms  warm {compareWarm,7:F0} ms (CPU {compareCpu:F0} ms)  (the run against itself)"));
        }
        finally
        {
            if (delete) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Wall time of the first call and the warm median; the warm median of process CPU time too, which a busy machine disturbs less.</summary>
    private static (double First, double WarmMedian, double WarmCpu, int Size) Time(Func<int> build)
    {
        var sw = Stopwatch.StartNew();
        var size = build();
        var first = sw.Elapsed.TotalMilliseconds;
        var (warm, cpu) = (new double[5], new double[5]);
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < warm.Length; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            sw.Restart();
            build();
            warm[i] = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        }
        Array.Sort(warm);
        Array.Sort(cpu);
        return (first, warm[warm.Length / 2], cpu[cpu.Length / 2], size);
    }
}
