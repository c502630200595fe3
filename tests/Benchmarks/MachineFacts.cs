using System.Globalization;

namespace Benchmarks;

/// <summary>What the machine and this process allow and are doing, as Linux reports it (<c>unknown</c> elsewhere).</summary>
public static class MachineFacts
{
    /// <summary>The 1-, 5- and 15-minute load averages: how many other runnable threads share these cores.</summary>
    public static string LoadAverage() =>
        ReadFirstLine("/proc/loadavg") is { } line ? string.Join(' ', line.Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// This process's open-file limit (soft/hard), every socket being one file. The .NET runtime raises the soft
    /// limit to the hard one at start, so this can be more than the shell's <c>ulimit -n</c>.
    /// </summary>
    public static (long? Soft, long? Hard) OpenFileLimit()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return fields.Length >= 2 ? (Limit(fields[0]), Limit(fields[1])) : (null, null);
    }

    /// <summary>Files this process has open now.</summary>
    public static int? OpenFiles() => Directory.Exists("/proc/self/fd") ? Directory.GetFiles("/proc/self/fd").Length : null;

    /// <summary>The kernel's cap on a listening socket's accept queue (<c>net.core.somaxconn</c>).</summary>
    public static string ListenBacklogCap() => ReadFirstLine("/proc/sys/net/core/somaxconn") ?? "unknown";

    /// <summary>The ports a client may connect from (<c>net.ipv4.ip_local_port_range</c>).</summary>
    public static string EphemeralPorts() => ReadFirstLine("/proc/sys/net/ipv4/ip_local_port_range")?.Replace('\t', '-') ?? "unknown";

    private static long? Limit(string value) =>
        value == "unlimited" ? long.MaxValue : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
}
