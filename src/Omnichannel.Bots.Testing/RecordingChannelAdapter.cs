using System.Collections.Concurrent;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// A channel that accepts every send and remembers it, with the profile of a real channel, so the outbox path runs
/// for real in tests. Set <see cref="FailNext"/> to make the next sends fail.
/// </summary>
public sealed class RecordingChannelAdapter : ChannelAdapter
{
    private readonly ConcurrentQueue<BotMessage> _sent = new();
    private int _sendCount;

    public RecordingChannelAdapter(ChannelProfile profile)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
    }

    public override ChannelProfile Profile { get; }

    /// <summary>Every message delivered so far, in order.</summary>
    public IReadOnlyCollection<BotMessage> Sent => _sent;

    /// <summary>When set, sends throw this (one exception per send) until it returns null.</summary>
    public Func<BotMessage, ChannelSendException?>? FailNext { get; set; }

    public override Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (FailNext?.Invoke(message) is { } failure)
        {
            throw failure;
        }

        _sent.Enqueue(message);
        var count = Interlocked.Increment(ref _sendCount);
        return Task.FromResult(new SendReceipt($"{Channel}-sent-{count}"));
    }
}
