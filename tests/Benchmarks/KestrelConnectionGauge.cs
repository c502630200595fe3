using System.Diagnostics.Metrics;

namespace Benchmarks;

/// <summary>
/// The server's own count of open connections, from Kestrel's metrics in this process
/// (<c>kestrel.active_connections</c>, <c>kestrel.upgraded_connections</c> — WebSockets — and
/// <c>kestrel.rejected_connections</c>), with the highest values seen. Only sees an in-process host.
/// </summary>
public sealed class KestrelConnectionGauge : IDisposable
{
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";

    private readonly MeterListener _listener = new();
    private long _active;
    private long _upgraded;
    private long _rejected;
    private long _peakActive;
    private long _peakUpgraded;

    public KestrelConnectionGauge()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KestrelMeter
                && instrument.Name is "kestrel.active_connections" or "kestrel.upgraded_connections" or "kestrel.rejected_connections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, change, _, _) =>
        {
            switch (instrument.Name)
            {
                case "kestrel.active_connections":
                    Peak(ref _peakActive, Interlocked.Add(ref _active, change));
                    break;
                case "kestrel.upgraded_connections":
                    Peak(ref _peakUpgraded, Interlocked.Add(ref _upgraded, change));
                    break;
                default:
                    Interlocked.Add(ref _rejected, change);
                    break;
            }
        });
        _listener.Start();
    }

    /// <summary>Connections open now (HTTP keep-alive and WebSocket).</summary>
    public long Active => Interlocked.Read(ref _active);

    /// <summary>Connections upgraded to WebSockets and still open.</summary>
    public long Upgraded => Interlocked.Read(ref _upgraded);

    public long PeakActive => Interlocked.Read(ref _peakActive);

    public long PeakUpgraded => Interlocked.Read(ref _peakUpgraded);

    /// <summary>Connections Kestrel refused for being over a limit.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public void Dispose() => _listener.Dispose();

    private static void Peak(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
