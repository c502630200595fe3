using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>The agent desk's settings (configuration section <c>Agents</c>).</summary>
public sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    /// <summary>The shortest <see cref="HandleKey"/> accepted.</summary>
    public const int MinHandleKeyLength = 32;

    public IList<AgentAccount> Accounts { get; } = [];

    /// <summary>
    /// The key of agents' customer-facing handles (<see cref="AgentHandles"/>); unset: generated once and kept under the
    /// data directory. Set it when several host instances share one database, so every instance names an agent alike.
    /// </summary>
    [MinLength(MinHandleKeyLength, ErrorMessage = "Agents:HandleKey must be at least 32 characters.")]
    public string? HandleKey { get; set; }

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long an agent who has a conversation may leave the customer's latest message unanswered before the
    /// conversation goes back to its queue (keeping its place) for another agent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Conversations one agent handles at once; an agent at this many counts as busy for capacity rules and wait estimates.</summary>
    [Range(1, 100)]
    public int MaxConversationsPerAgent { get; set; } = 3;
}
