using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>The <c>channelData</c> of a customer's echoed activity, or of a message from another channel shown as history.</summary>
/// <param name="ClientActivityId">The id the client gave the activity; Web Chat matches its echo by it.</param>
internal sealed record DirectLineChannelData([property: JsonPropertyName("clientActivityID")] string? ClientActivityId)
{
    /// <summary>Set on a signed-in visitor's message from another channel: which channel it was written on.</summary>
    public DirectLineHistoryLabel? History { get; init; }
}
