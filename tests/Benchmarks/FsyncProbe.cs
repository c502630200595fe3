using System.Diagnostics;

namespace Benchmarks;

/// <summary>
/// How long the disk under the data directory takes to make a small append durable (write 4 KiB, then fsync): the
/// floor under any durable commit there. A turn waits for two such commits (its inbox append, then the turn itself).
/// </summary>
public static class FsyncProbe
{
    public static (double P50Ms, double P99Ms) Measure(string directory, int count = 200)
    {
        var path = Path.Combine(directory, "fsync-probe.tmp");
        var block = new byte[4096];
        var samples = new double[count];
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
            for (var i = 0; i < count; i++)
            {
                file.Write(block);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        finally
        {
            File.Delete(path);
        }

        Array.Sort(samples);
        return (samples[count / 2], samples[(int)Math.Ceiling(count * 0.99) - 1]);
    }
}
