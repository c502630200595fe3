namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>An activity's <c>conversation</c>.</summary>
/// <param name="Id">The Direct Line conversation id.</param>
internal sealed record DirectLineConversationAccount(string Id);
