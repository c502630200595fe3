using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

/// <summary>The sign-in throttle through <see cref="AgentSessions.SignIn"/> on a fake clock (defaults: 5 free, 1 s doubling, shared cap 5 s).</summary>
public sealed class AgentSignInThrottleTests
{
    private const string Password = "the agent's real password";

    private static readonly Lazy<string> Hash = new(() => AgentPasswordHasher.Hash(Password, AgentPasswordHasher.MinimumIterations));

    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");

    private static readonly IPAddress Agent = IPAddress.Parse("198.51.100.20");

    [Theory]
    [InlineData("alice")]
    [InlineData("mallory")]
    public async Task SignIn_ParallelBurstOf50WrongPasswords_ChecksAtMostFivePasswords(string accountId)
    {
        using var fixture = new Fixture();
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 50)
            .Select(i => Task.Factory.StartNew(
                () =>
                {
                    start.Wait();
                    return fixture.Sessions.SignIn(accountId, "guess " + i, Attacker).Outcome;
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToList();

        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(5, fixture.Sessions.PasswordChecks);
        Assert.Equal(5, outcomes.Count(o => o == SignInOutcome.Refused));
        Assert.Equal(45, outcomes.Count(o => o == SignInOutcome.Throttled));
    }

    [Fact]
    public void SignIn_FailuresFromOneAddress_WaitDoublesWithEachFurtherFailure()
    {
        using var fixture = new Fixture();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignInOutcome.Refused, fixture.Sessions.SignIn("alice", "guess", Attacker).Outcome);
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var (outcome, _, retryAfter) = fixture.Sessions.SignIn("alice", "guess", Attacker);
            Assert.Equal(SignInOutcome.Throttled, outcome);
            waits.Add(retryAfter);
            fixture.Time.Advance(retryAfter);
            Assert.Equal(SignInOutcome.Refused, fixture.Sessions.SignIn("alice", "guess", Attacker).Outcome);
        }

        Assert.Equal([1, 2, 4, 8, 16], waits.Select(w => w.TotalSeconds));
        Assert.Equal(10, fixture.Sessions.PasswordChecks);
    }

    [Fact]
    public void SignIn_ManyAttackerFailures_AgentFromOwnAddressWaitsAtMostTheSharedCapThenSignsIn()
    {
        using var fixture = new Fixture();

        // Guessing spread over 10 addresses, each trying every second for 20 seconds.
        for (var round = 0; round < 20; round++)
        {
            for (var a = 0; a < 10; a++)
            {
                fixture.Sessions.SignIn("alice", "guess", IPAddress.Parse("203.0.113." + (a + 1)));
            }

            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = fixture.Sessions.SignIn("alice", Password, Agent);
        Assert.Equal(SignInOutcome.Throttled, first.Outcome);
        Assert.InRange(first.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));

        // The attacker keeps trying from a fresh address every second while the agent waits: the agent's turn holds.
        var elapsed = TimeSpan.Zero;
        for (var second = 0; elapsed + TimeSpan.FromSeconds(1) <= first.RetryAfter; second++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            elapsed += TimeSpan.FromSeconds(1);
            fixture.Sessions.SignIn("alice", "guess", IPAddress.Parse("192.0.2." + (second + 1)));
        }

        fixture.Time.Advance(first.RetryAfter - elapsed);
        Assert.Equal(SignInOutcome.SignedIn, fixture.Sessions.SignIn("alice", Password, Agent).Outcome);
    }

    [Fact]
    public void SignIn_GuessingSpreadOverManyAddresses_EachAddressWaitsBetweenAttempts()
    {
        using var fixture = new Fixture();
        for (var a = 0; a < 100; a++)
        {
            fixture.Sessions.SignIn("alice", "guess", IPAddress.Parse("10.0.0." + (a + 1)));
        }

        // Past the account's 10 shared free failures no new address gets in without waiting (until time passes).
        Assert.Equal(10, fixture.Sessions.PasswordChecks);
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        for (var a = 0; a < 100; a++)
        {
            fixture.Sessions.SignIn("alice", "guess", IPAddress.Parse("10.0.0." + (a + 1)));
        }

        // Each address that asked may try once per shared wait, not in a burst.
        Assert.Equal(110, fixture.Sessions.PasswordChecks);
        Assert.Equal(SignInOutcome.Throttled, fixture.Sessions.SignIn("alice", "guess", IPAddress.Parse("10.0.0.1")).Outcome);
    }

    [Fact]
    public void SignIn_Success_ClearsThatAddressFailures()
    {
        using var fixture = new Fixture();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Refused, fixture.Sessions.SignIn("alice", "typo", Agent).Outcome);
        }

        Assert.Equal(SignInOutcome.SignedIn, fixture.Sessions.SignIn("alice", Password, Agent).Outcome);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignInOutcome.Refused, fixture.Sessions.SignIn("alice", "typo", Agent).Outcome);
        }

        Assert.Equal(SignInOutcome.Throttled, fixture.Sessions.SignIn("alice", Password, Agent).Outcome);
    }

    [Fact]
    public void SignIn_UnknownAndKnownAccount_ThrottledAlike()
    {
        using var fixture = new Fixture();
        var known = new List<(SignInOutcome, TimeSpan)>();
        var unknown = new List<(SignInOutcome, TimeSpan)>();
        for (var i = 0; i < 8; i++)
        {
            var k = fixture.Sessions.SignIn("alice", "guess", Attacker);
            var u = fixture.Sessions.SignIn("mallory", "guess", Agent);
            known.Add((k.Outcome, k.RetryAfter));
            unknown.Add((u.Outcome, u.RetryAfter));
        }

        Assert.Equal(known, unknown);
        Assert.Contains(known, k => k.Item1 == SignInOutcome.Throttled);
    }

    [Fact]
    public void SignIn_AfterForgetAfter_FailuresAreForgotten()
    {
        using var fixture = new Fixture();
        for (var i = 0; i < 12; i++)
        {
            fixture.Sessions.SignIn("alice", "guess", Attacker);
            fixture.Time.Advance(TimeSpan.FromSeconds(100));
        }

        Assert.Equal(SignInOutcome.Throttled, fixture.Sessions.SignIn("alice", "guess", Attacker).Outcome);

        fixture.Time.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignInOutcome.Refused, fixture.Sessions.SignIn("alice", "guess", Attacker).Outcome);
        }
    }

    [Fact]
    public void Reserve_FloodOfDistinctNamesAndAddresses_KeepsAtMostMaxEntries()
    {
        using var fixture = new Fixture(new Dictionary<string, string?> { ["Agents:SignIn:MaxEntries"] = "1000" });
        var throttle = fixture.Provider.GetRequiredService<SignInThrottle>();
        for (var i = 0; i < 20_000; i++)
        {
            var reservation = throttle.Reserve("name" + i, new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]));
            Assert.True(reservation.Granted);
            Assert.InRange(throttle.Count, 0, 1000);
            fixture.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        // The newest are kept: the latest address is still counted, so its pair waits after its free failures.
        for (var i = 0; i < 4; i++)
        {
            throttle.Reserve("name19999", new IPAddress([10, 0, 0x4e, 0x1f]));
        }

        Assert.False(throttle.Reserve("name19999", new IPAddress([10, 0, 0x4e, 0x1f])).Granted);
    }

    [Fact]
    public void Reserve_IPv6AddressesInOneSlash64_CountAsOneAddress()
    {
        using var fixture = new Fixture();
        var throttle = fixture.Provider.GetRequiredService<SignInThrottle>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(throttle.Reserve("alice", IPAddress.Parse("2001:db8:1:2::" + (i + 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture))).Granted);
        }

        Assert.False(throttle.Reserve("alice", IPAddress.Parse("2001:db8:1:2:ffff::9")).Granted);
        Assert.True(throttle.Reserve("alice", IPAddress.Parse("2001:db8:1:3::1")).Granted);
    }

    private sealed class Fixture : IDisposable
    {
        public Fixture(IDictionary<string, string?>? settings = null)
        {
            var config = new Dictionary<string, string?>
            {
                ["Agents:Accounts:0:Id"] = "alice",
                ["Agents:Accounts:0:PasswordHash"] = Hash.Value,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                config[key] = value;
            }

            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
            services.AddSingleton<TimeProvider>(Time);
            AgentWorkspaceServices.Add(services, configure: null);
            Provider = services.BuildServiceProvider();
            Sessions = Provider.GetRequiredService<AgentSessions>();
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero));

        public ServiceProvider Provider { get; }

        public AgentSessions Sessions { get; }

        public void Dispose() => Provider.Dispose();
    }
}
