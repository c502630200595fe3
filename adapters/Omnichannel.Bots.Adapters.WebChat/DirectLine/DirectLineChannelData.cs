using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>The <c>channelData</c> of a customer's echoed activity.</summary>
/// <param name="ClientActivityId">The id the client gave the activity; Web Chat matches its echo by it.</param>
internal sealed record DirectLineChannelData([property: JsonPropertyName("clientActivityID")] string? ClientActivityId);
