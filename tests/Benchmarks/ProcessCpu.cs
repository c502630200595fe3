using System.Diagnostics;
using System.Globalization;

namespace Benchmarks;

/// <summary>CPU time (user + system) used so far by this process, or by another one read from Linux's <c>/proc</c>.</summary>
public static class ProcessCpu
{
    /// <summary>Linux's <c>/proc/PID/stat</c> counts in clock ticks of 1/100 s (<c>getconf CLK_TCK</c>).</summary>
    private const double ClockTicksPerSecond = 100;

    public static TimeSpan OfThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Null when the process is gone or there is no <c>/proc</c>.</summary>
    public static TimeSpan? OfProcess(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / ClockTicksPerSecond);
    }
}
