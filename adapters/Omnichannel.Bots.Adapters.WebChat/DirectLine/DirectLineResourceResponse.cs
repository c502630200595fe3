namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>The answer to a posted activity: the id it got.</summary>
/// <param name="Id">The activity's id.</param>
internal sealed record DirectLineResourceResponse(string Id);
