using System.Net;

namespace Omnichannel.Bots.AspNetCore.AgentWorkspace;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> failed sign-ins for one account name, or from one
/// client address, within <see cref="Window"/>, sign-ins for it are refused for <see cref="Lockout"/>. In memory.
/// </summary>
internal sealed class SignInThrottle
{
    public const int MaxFailures = 5;

    /// <summary>Keys tracked at most; past it the oldest quiet ones are forgotten first.</summary>
    private const int MaxKeys = 50_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Record> _records = new(StringComparer.Ordinal);

    public SignInThrottle(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>True when a sign-in for <paramref name="accountId"/> from <paramref name="client"/> must be refused now.</summary>
    public bool IsLocked(string accountId, IPAddress? client)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return Keys(accountId, client).Any(key => _records.TryGetValue(key, out var record) && record.LockedUntil > now);
        }
    }

    public void Failed(string accountId, IPAddress? client)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_records.Count >= MaxKeys)
            {
                Prune(now);
            }

            foreach (var key in Keys(accountId, client))
            {
                if (!_records.TryGetValue(key, out var record))
                {
                    record = new Record();
                    _records[key] = record;
                }

                record.Failures.RemoveAll(at => now - at >= Window);
                record.Failures.Add(now);
                if (record.Failures.Count >= MaxFailures)
                {
                    record.LockedUntil = now + Lockout;
                    record.Failures.Clear();
                }
            }
        }
    }

    /// <summary>A correct password clears the account's failures (not the address's: one good account must not reset a guesser).</summary>
    public void Succeeded(string accountId)
    {
        lock (_gate)
        {
            _records.Remove(AccountKey(accountId));
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, record) in _records.ToList())
        {
            record.Failures.RemoveAll(at => now - at >= Window);
            if (record.Failures.Count == 0 && record.LockedUntil <= now)
            {
                _records.Remove(key);
            }
        }

        // Still full (a flood of distinct names): forget the quietest, keeping every current lockout.
        var excess = _records.Count - (MaxKeys / 2);
        if (excess > 0)
        {
            foreach (var key in _records.Where(r => r.Value.LockedUntil <= now).OrderBy(r => r.Value.Failures.LastOrDefault()).Take(excess).Select(r => r.Key).ToList())
            {
                _records.Remove(key);
            }
        }
    }

    private static IEnumerable<string> Keys(string accountId, IPAddress? client)
    {
        yield return AccountKey(accountId);
        if (client is not null)
        {
            yield return "ip:" + (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client);
        }
    }

    private static string AccountKey(string accountId) => "account:" + accountId.Trim().ToUpperInvariant();

    private sealed class Record
    {
        public List<DateTimeOffset> Failures { get; } = [];

        public DateTimeOffset LockedUntil { get; set; }
    }
}
