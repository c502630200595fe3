using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// One agent account (configuration <c>Agents:Accounts:N</c>). The password is stored only as a hash made by
/// <c>omnibot agents hash-password</c> (PBKDF2-SHA256: <c>pbkdf2-sha256$iterations$salt$hash</c>).
/// </summary>
public sealed class AgentAccount
{
    [Required(ErrorMessage = "Agents:Accounts: every account needs an Id (the sign-in name).")]
    public string Id { get; set; } = "";

    /// <summary>The name customers and other agents see; the id when empty.</summary>
    public string? Name { get; set; }

    [Required(ErrorMessage = "Agents:Accounts: every account needs a PasswordHash (make one with: omnibot agents hash-password).")]
    public string PasswordHash { get; set; } = "";

    /// <summary>The queues the agent works; empty: all of them.</summary>
    public IList<string> Queues { get; } = [];

    /// <summary><c>agent</c> (the default: the account's queues) or <c>admin</c> (every queue, and the admin APIs).</summary>
    public string? Role { get; set; }

    /// <summary>The role <see cref="Role"/> names (the default when empty); throws on any other value (start-up validation refuses one first).</summary>
    public AgentRole ParsedRole() => TryParseRole(Role, out var role) ? role : throw new FormatException($"'{Role}' is not an agent role; use agent or admin.");

    /// <summary>Reads <c>agent</c> or <c>admin</c> (ignoring case; empty: agent).</summary>
    public static bool TryParseRole(string? text, out AgentRole role)
    {
        (var known, role) = text?.Trim().ToUpperInvariant() switch
        {
            null or "" or "AGENT" => (true, AgentRole.Agent),
            "ADMIN" => (true, AgentRole.Admin),
            _ => (false, AgentRole.Agent),
        };
        return known;
    }
}
