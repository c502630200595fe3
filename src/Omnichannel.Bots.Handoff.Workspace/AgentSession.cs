using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>One sign-in: the agent, the hash their password matched (a changed hash ends the session) and its sliding expiry.</summary>
internal sealed class AgentSession(string id, AgentIdentity agent, string passwordHash, DateTimeOffset now)
{
    public string Id { get; } = id;

    public AgentIdentity Agent { get; set; } = agent;

    public string PasswordHash { get; } = passwordHash;

    public DateTimeOffset LastActivity { get; set; } = now;

    public DateTimeOffset CookieIssuedAt { get; set; } = now;
}
