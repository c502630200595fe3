namespace Omnichannel.Bots;

/// <summary>
/// Registered by the package that takes a turn's handoff to people (<c>AddHandoff()</c>). Without one a request
/// for a person is answered by the bot (<see cref="DialogTexts.NoPerson"/>) and the conversation stays with it,
/// instead of waiting for a person who never comes.
/// </summary>
/// <param name="Name">Which package handles handoffs, for logs.</param>
public sealed record HandoffProvider(string Name);
