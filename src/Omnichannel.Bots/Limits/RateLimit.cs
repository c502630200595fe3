namespace Omnichannel.Bots;

/// <summary>
/// At most <see cref="PermitLimit"/> requests (or handoffs) per <see cref="Window"/>, counted over a sliding window.
/// </summary>
public sealed class RateLimit
{
    public RateLimit()
    {
    }

    public RateLimit(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>A problem naming <paramref name="key"/>, or null when the limit is usable.</summary>
    internal string? Problem(string key) =>
        PermitLimit is < 1 or > 1_000_000 ? $"{key}:PermitLimit must be 1 to 1000000 (it is {PermitLimit})."
        : Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromDays(30) ? $"{key}:Window must be from 00:00:01 to 30.00:00:00 (it is {Window})."
        : null;
}
