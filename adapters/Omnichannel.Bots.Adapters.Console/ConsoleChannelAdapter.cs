using System.Collections.Concurrent;

namespace Omnichannel.Bots.Adapters.Console;

/// <summary>Prints the bot's replies to a terminal (plain text, numbered options).</summary>
public sealed class ConsoleChannelAdapter : ChannelAdapter
{
    private readonly TextWriter _output;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _deliveries = new(StringComparer.Ordinal);

    public ConsoleChannelAdapter(ConsoleChannelIO io)
    {
        ArgumentNullException.ThrowIfNull(io);
        _output = io.Output;
    }

    public override ChannelProfile Profile => ChannelProfiles.Console;

    public override Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            foreach (var line in (message.Text ?? string.Empty).Split('\n'))
            {
                _output.WriteLine("bot> " + line);
            }

            foreach (var attachment in message.Attachments)
            {
                _output.WriteLine($"bot> [{attachment.ContentType}] {attachment.Url}");
            }

            _output.Flush();
        }

        Delivered(message.Id).TrySetResult();
        return Task.FromResult(new SendReceipt(message.Id));
    }

    /// <summary>Completes when every message with these ids has been printed (or the token fires).</summary>
    public Task WaitForDeliveryAsync(IEnumerable<string> messageIds, CancellationToken cancellationToken) =>
        Task.WhenAll(messageIds.Select(id => Delivered(id).Task)).WaitAsync(cancellationToken);

    internal void Forget(IEnumerable<string> messageIds)
    {
        foreach (var id in messageIds)
        {
            _deliveries.TryRemove(id, out _);
        }
    }

    private TaskCompletionSource Delivered(string id) =>
        _deliveries.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
