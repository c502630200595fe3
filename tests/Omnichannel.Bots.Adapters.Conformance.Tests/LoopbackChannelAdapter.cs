using System.Globalization;

namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>Sends to the <see cref="LoopbackProvider"/> and classifies its refusals as a provider adapter does: 429 and 5xx transient (with the provider's wait), other 4xx permanent.</summary>
public sealed class LoopbackChannelAdapter(LoopbackProvider provider) : ChannelAdapter
{
    public override ChannelProfile Profile => LoopbackChannel.Profile;

    public override Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var answer = provider.Receive(message.Conversation.Id, message.Text ?? string.Empty);
        var code = answer.StatusCode.ToString(CultureInfo.InvariantCulture);
        return answer.StatusCode switch
        {
            >= 200 and < 300 => Task.FromResult(new SendReceipt(Guid.NewGuid().ToString("N"))),
            429 or >= 500 => throw new ChannelSendException($"The provider answered {code}.", isTransient: true, answer.RetryAfter) { ProviderCode = code },
            _ => throw new ChannelSendException($"The provider refused the message with {code}.", isTransient: false) { ProviderCode = code },
        };
    }
}
