namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// What agents do with handoffs; the agent workspace is one client of it. Every action is checked against the
/// ticket's current state (a claimed ticket cannot be claimed again; only the agent who has it replies, transfers,
/// resolves or returns it) and reports why it could not happen. An agent reads and acts only on tickets of the queues
/// they work (<see cref="AgentIdentity.MayActOn"/>); any other ticket is <see cref="DeskOutcome.NotFound"/> to them.
/// </summary>
public interface IHandoffDesk
{
    /// <summary>The queues of the routing rules, default first.</summary>
    IReadOnlyList<string> Queues { get; }

    /// <summary>
    /// Open handoffs of every queue: queued ones by priority (highest first) then waiting time (longest first), then
    /// assigned ones. For code that is not an agent (an integration, a report); the workspace lists an agent's.
    /// </summary>
    Task<IReadOnlyList<TicketSummary>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The open handoffs of the queues <paramref name="agent"/> may act on, in the same order.</summary>
    Task<IReadOnlyList<TicketSummary>> ListOpenAsync(AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>One handoff of any queue (for code that is not an agent); null when there is none.</summary>
    Task<TicketDetail?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>One handoff as <paramref name="agent"/> reads it; null when there is none or it is in a queue they may not act on.</summary>
    Task<TicketDetail?> GetAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    Task<DeskResult> ClaimAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>Sends the agent's text to the customer's current channel; <see cref="DeskOutcome.Undeliverable"/> says why it cannot.</summary>
    Task<DeskResult> ReplyAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Sends an approved <paramref name="template"/> to the customer's current channel, the way to reach them once the
    /// reply window has closed (WhatsApp); <paramref name="previewText"/> is its wording as the transcript shows it.
    /// <see cref="DeskOutcome.Undeliverable"/> says why it cannot go (the channel sends no templates, the customer opted out).
    /// </summary>
    Task<DeskResult> SendTemplateAsync(long id, AgentIdentity agent, MessageTemplate template, string previewText, CancellationToken cancellationToken);

    Task<DeskResult> AddNoteAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a handoff the agent may act on to another queue, any queue (unassigned, keeping its place); an agent who
    /// does not work the new queue no longer sees it.
    /// </summary>
    Task<DeskResult> TransferAsync(long id, AgentIdentity agent, string queue, CancellationToken cancellationToken);

    /// <summary>Closes the handoff as solved; the customer is asked to rate the help (1-5) and the bot has the conversation again.</summary>
    Task<DeskResult> ResolveAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>Gives the conversation back to the bot, which says it is a bot again; CSAT is asked when the journey goes quiet.</summary>
    Task<DeskResult> ReturnToBotAsync(long id, AgentIdentity agent, CancellationToken cancellationToken);

    /// <summary>Live updates of every queue until the subscription is disposed (each event names its ticket's queue: filter per agent).</summary>
    DeskSubscription Subscribe();
}
