using Omnichannel.Bots;

namespace Benchmarks;

/// <summary>A channel that accepts every send in memory and only counts it (the benchmark measures the bot, not a provider).</summary>
public sealed class CountingChannelAdapter : ChannelAdapter
{
    private long _sent;

    public CountingChannelAdapter(ChannelProfile profile)
    {
        Profile = profile;
    }

    public override ChannelProfile Profile { get; }

    public long Sent => Interlocked.Read(ref _sent);

    public override Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = Interlocked.Increment(ref _sent);
        return Task.FromResult(new SendReceipt("bench-" + count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
