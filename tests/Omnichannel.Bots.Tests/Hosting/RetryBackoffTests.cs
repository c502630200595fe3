namespace Omnichannel.Bots.Tests.Hosting;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(3, 4_000)]
    [InlineData(9, 256_000)]
    [InlineData(10, 300_000)]
    [InlineData(1_000_000, 300_000)]
    public void DelayFor_NoJitter_DoublesFromFirstUpToMax(int retry, int expectedMilliseconds)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), backoff.DelayFor(retry));
    }

    [Fact]
    public void DelayFor_MaxBelowFirst_EveryDelayIsMax()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3));

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], [backoff.DelayFor(1), backoff.DelayFor(5)]);
    }

    [Fact]
    public void DelayFor_HugeFirstDelay_DoesNotOverflow()
    {
        var backoff = new RetryBackoff(TimeSpan.MaxValue / 3, TimeSpan.MaxValue);

        Assert.Equal(TimeSpan.MaxValue, backoff.DelayFor(40));
    }

    [Fact]
    public void DelayFor_Jitter_WithinTheFractionBelowTheExactDelay()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), jitter: 0.2, new Random(7));

        for (var retry = 1; retry <= 12; retry++)
        {
            var exact = new RetryBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)).DelayFor(retry);
            var delay = backoff.DelayFor(retry);
            Assert.InRange(delay, exact * 0.8, exact);
        }
    }

    [Fact]
    public void DelayFor_SameSeed_SameDelays()
    {
        var first = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), jitter: 0.5, new Random(42));
        var second = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), jitter: 0.5, new Random(42));

        var a = Enumerable.Range(1, 10).Select(first.DelayFor).ToList();
        var b = Enumerable.Range(1, 10).Select(second.DelayFor).ToList();

        Assert.Equal(a, b);
        Assert.Contains(a.Zip(Enumerable.Range(1, 10)), p => p.First < new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)).DelayFor(p.Second));
    }

    [Theory]
    [InlineData(0, 1, 0.1)]
    [InlineData(1, 0, 0.1)]
    [InlineData(1, 1, -0.1)]
    [InlineData(1, 1, 1.5)]
    public void Constructor_BadArguments_Throws(int firstSeconds, int maxSeconds, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackoff(TimeSpan.FromSeconds(firstSeconds), TimeSpan.FromSeconds(maxSeconds), jitter));
    }
}
