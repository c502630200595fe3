using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Slows password guessing without letting anyone lock a real agent out. Each attempt is reserved (counted as a failure)
/// before its password is checked, under one lock, so a parallel burst gets no more checks than the budget; a correct
/// password then clears that account and address's failures and refunds the shared counts. Three scopes wait:
/// <list type="bullet">
/// <item>one account from one address: after <see cref="AgentSignInOptions.FreeFailures"/> failures, each further attempt
/// waits <see cref="AgentSignInOptions.FirstDelay"/>, doubling up to <see cref="AgentSignInOptions.MaxDelay"/>;</item>
/// <item>one account from all addresses: past <see cref="AgentSignInOptions.SharedFreeFailures"/>, every address waits
/// between its attempts for the account (a new address from when it first asked), growing up to
/// <see cref="AgentSignInOptions.SharedMaxDelay"/>: spread guessing stays slow, the agent from their own address waits
/// at most that;</item>
/// <item>one address over all accounts (password spraying): the same shared growth and cap.</item>
/// </list>
/// Unknown account names are throttled like real ones. In memory; entries expire
/// <see cref="AgentSignInOptions.ForgetAfter"/> after the last failure, and at most
/// <see cref="AgentSignInOptions.MaxEntries"/> are kept (the quietest are forgotten first).
/// </summary>
internal sealed class SignInThrottle
{
    private readonly AgentSignInOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public SignInThrottle(IOptions<AgentSignInOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
    }

    /// <summary>Entries held now (bounded by <see cref="AgentSignInOptions.MaxEntries"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Reserves one attempt for <paramref name="accountId"/> from <paramref name="client"/>, or says how long to wait.</summary>
    public SignInReservation Reserve(string accountId, IPAddress? client)
    {
        var now = _time.GetUtcNow();
        var accountKey = "account:" + accountId.Trim().ToUpperInvariant();
        var addressKey = "address:" + AddressKey(client);
        var pairKey = accountKey + "|" + addressKey;
        lock (_gate)
        {
            if (_entries.Count + 3 > _options.MaxEntries)
            {
                MakeRoom(now);
            }

            var pair = Current(pairKey, now);
            var account = Current(accountKey, now);
            var address = Current(addressKey, now);

            // The account's shared wait counts from this address's last attempt (or first request), or from the account's
            // last attempt from anywhere when that is earlier; once told, the turn holds: a busy attacker elsewhere cannot
            // push the agent's turn back.
            var accountTurn = pair.AccountTurn ?? Earlier(pair.LastAttempt, account.LastAttempt) + SharedDelay(account.Failures);
            var earliest = Later(pair.NextAllowed, accountTurn, address.LastAttempt + SharedDelay(address.Failures));
            if (earliest > now)
            {
                pair.AccountTurn = accountTurn;
                return new SignInReservation(earliest - now, pairKey, accountKey, addressKey);
            }

            pair.AccountTurn = null;

            foreach (var entry in (ReadOnlySpan<Entry>)[pair, account, address])
            {
                entry.Failures++;
                entry.LastAttempt = now;
                entry.LastFailure = now;
            }

            pair.NextAllowed = now + Delay(pair.Failures, _options.FreeFailures, _options.MaxDelay);
            return new SignInReservation(TimeSpan.Zero, pairKey, accountKey, addressKey);
        }
    }

    /// <summary>After the password check of a granted reservation: a success clears the pair's failures and refunds the shared counts.</summary>
    public void Complete(SignInReservation reservation, bool succeeded)
    {
        if (!reservation.Granted || !succeeded)
        {
            return;
        }

        lock (_gate)
        {
            _entries.Remove(reservation.PairKey);
            foreach (var key in (ReadOnlySpan<string>)[reservation.AccountKey, reservation.AddressKey])
            {
                if (_entries.TryGetValue(key, out var entry) && entry.Failures > 0)
                {
                    entry.Failures--;
                }
            }
        }
    }

    /// <summary>The entry for <paramref name="key"/>, made fresh when missing or when its failures are forgotten (a new one counts as first seen now).</summary>
    private Entry Current(string key, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry) || Expired(entry, now))
        {
            entry = new Entry { LastAttempt = now, LastFailure = now, NextAllowed = DateTimeOffset.MinValue };
            _entries[key] = entry;
        }

        return entry;
    }

    private bool Expired(Entry entry, DateTimeOffset now) => now - entry.LastFailure >= _options.ForgetAfter && now >= entry.NextAllowed;

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (Expired(entry, now))
            {
                _entries.Remove(key);
            }
        }

        // Still full (a flood of distinct names or addresses): forget the quietest until a quarter is free.
        var excess = _entries.Count - (_options.MaxEntries * 3 / 4);
        if (excess > 0)
        {
            foreach (var key in _entries.OrderBy(e => e.Value.LastFailure).Take(excess).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    private TimeSpan SharedDelay(int failures) => Delay(failures, _options.SharedFreeFailures, _options.SharedMaxDelay);

    /// <summary>No wait below <paramref name="free"/> failures, then the first delay doubling with each failure, capped.</summary>
    private TimeSpan Delay(int failures, int free, TimeSpan max)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - free, 40);
        var ticks = Math.Min(_options.FirstDelay.Ticks * Math.Pow(2, doublings), max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>IPv4 as is (IPv4-mapped IPv6 included); IPv6 by its /64 network, which one customer line usually owns whole.</summary>
    private static string AddressKey(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastAttempt { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset NextAllowed { get; set; }

        /// <summary>For a pair: when the account's shared wait lets it try, fixed when it was first told to wait.</summary>
        public DateTimeOffset? AccountTurn { get; set; }
    }
}
