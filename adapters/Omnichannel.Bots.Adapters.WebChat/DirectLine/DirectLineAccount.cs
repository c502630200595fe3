namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>An activity's <c>from</c> or <c>recipient</c>.</summary>
/// <param name="Id">The user's id, <c>bot</c>, or <c>agent:</c> and the agent's handle.</param>
/// <param name="Name">The shown name, if any.</param>
/// <param name="Role"><c>user</c> or <c>bot</c> (a human agent is <c>bot</c> too: to Web Chat both are the other side).</param>
internal sealed record DirectLineAccount(string Id, string? Name, string Role);
