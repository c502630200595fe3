namespace Omnichannel.Bots.Inbound;

/// <summary>
/// An inbound message that cannot be accepted as it is (missing id, text over 64 KB, a bad attachment URL, ...).
/// Nothing of it was stored. Webhook endpoints answer 400 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class InboundMessageRejectedException : Exception
{
    public InboundMessageRejectedException(IReadOnlyList<string> problems)
        : base("The inbound message was rejected: " + string.Join("; ", problems) + ".")
    {
        Problems = problems;
    }

    /// <summary>Each problem found, phrased for the person who sent or wired up the message.</summary>
    public IReadOnlyList<string> Problems { get; }
}
