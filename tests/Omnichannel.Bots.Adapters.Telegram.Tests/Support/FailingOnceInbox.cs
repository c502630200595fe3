using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>The bot's real inbox, except that storing the message with id <see cref="FailId"/> fails the first time (a full disk, a locked file).</summary>
public sealed class FailingOnceInbox : IMessageInbox
{
    private readonly IMessageInbox _inner;
    private int _failed;

    public FailingOnceInbox(IMessageInbox inner, string failId)
    {
        _inner = inner;
        FailId = failId;
    }

    public string FailId { get; }

    public Task<InboxReceipt> SubmitAsync(InboundMessage message, CancellationToken cancellationToken) =>
        message.Message.Id == FailId && Interlocked.Exchange(ref _failed, 1) == 0
            ? Task.FromException<InboxReceipt>(new IOException("disk I/O error (test)"))
            : _inner.SubmitAsync(message, cancellationToken);

    public Task<TurnOutcome> SubmitAndWaitAsync(InboundMessage message, CancellationToken cancellationToken) =>
        _inner.SubmitAndWaitAsync(message, cancellationToken);

    /// <summary>Replaces the bot's <see cref="IMessageInbox"/> registration with one wrapped in this.</summary>
    public static void Install(IServiceCollection services, string failId)
    {
        var original = services.Last(d => d.ServiceType == typeof(IMessageInbox));
        services.Remove(original);
        services.AddSingleton<IMessageInbox>(sp => new FailingOnceInbox((IMessageInbox)original.ImplementationFactory!(sp), failId));
    }
}
