using System.Globalization;

namespace Medallion.Benchmarks;

/// <summary>The process's peak resident set (<c>VmHWM</c> in <c>/proc/self/status</c>): DuckDB's native memory included.</summary>
public static class PeakMemory
{
    /// <summary>Peak RSS in bytes; where <c>/proc</c> is missing (not Linux), the managed process's peak working set.</summary>
    public static long PeakRssBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                // "VmHWM:    123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
