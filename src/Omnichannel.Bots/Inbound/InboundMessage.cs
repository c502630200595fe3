using System.Diagnostics.CodeAnalysis;

namespace Omnichannel.Bots.Inbound;

/// <summary>
/// A customer message that passed <see cref="InboundMessageValidator"/>: the only thing <see cref="IMessageInbox"/>
/// accepts, so a channel that checks a message first (to answer its client with the problems) does not have it checked
/// a second time.
/// </summary>
public sealed class InboundMessage
{
    private InboundMessage(BotMessage message)
    {
        Message = message;
    }

    public BotMessage Message { get; }

    /// <summary>The message, checked; false with every problem when it is malformed.</summary>
    /// <param name="message">The message as the channel mapped it.</param>
    /// <param name="inbound">The checked message, when there is no problem.</param>
    /// <param name="problems">Every problem found (empty when there is none).</param>
    public static bool TryCreate(BotMessage? message, [NotNullWhen(true)] out InboundMessage? inbound, out IReadOnlyList<string> problems)
    {
        problems = InboundMessageValidator.Check(message);
        inbound = problems.Count == 0 ? new InboundMessage(message!) : null;
        return inbound is not null;
    }

    /// <summary>The message, checked; throws <see cref="InboundMessageRejectedException"/> listing every problem.</summary>
    public static InboundMessage Create(BotMessage message) =>
        TryCreate(message, out var inbound, out var problems) ? inbound : throw new InboundMessageRejectedException(problems);
}
