namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// What agents do with handoffs; the agent workspace is one client of it. Every action is checked against the
/// ticket's current state (a claimed ticket cannot be claimed again; only the agent who has it replies, transfers,
/// resolves or returns it) and reports why it could not happen.
/// </summary>
public interface IHandoffDesk
{
    /// <summary>The queues of the routing rules, default first.</summary>
    IReadOnlyList<string> Queues { get; }

    /// <summary>Open handoffs: queued ones by priority (highest first) then waiting time (longest first), then assigned ones.</summary>
    Task<IReadOnlyList<TicketSummary>> ListOpenAsync(CancellationToken cancellationToken);

    Task<TicketDetail?> GetAsync(long id, CancellationToken cancellationToken);

    Task<DeskResult> ClaimAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>Sends the agent's text to the customer's current channel; <see cref="DeskOutcome.Undeliverable"/> says why it cannot.</summary>
    Task<DeskResult> ReplyAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken);

    Task<DeskResult> AddNoteAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken);

    /// <summary>Moves the handoff to another queue (unassigned, keeping its place).</summary>
    Task<DeskResult> TransferAsync(long id, AgentIdentity agent, string queue, CancellationToken cancellationToken);

    /// <summary>Closes the handoff as solved; the customer is asked to rate the help (1-5) and the bot has the conversation again.</summary>
    Task<DeskResult> ResolveAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>Gives the conversation back to the bot, which says it is a bot again; CSAT is asked when the journey goes quiet.</summary>
    Task<DeskResult> ReturnToBotAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>Live updates until the subscription is disposed.</summary>
    DeskSubscription Subscribe();
}
