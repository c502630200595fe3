using System.Collections.Concurrent;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

/// <summary>A hand-written desk: tickets and details set by the test, every action recorded and answered with <see cref="NextResult"/>.</summary>
internal sealed class FakeHandoffDesk : IHandoffDesk
{
    private readonly ConcurrentDictionary<DeskSubscription, byte> _subscriptions = new();

    public List<string> QueueNames { get; } = ["general", "billing"];

    public List<TicketSummary> Open { get; } = [];

    public Dictionary<long, TicketDetail> Details { get; } = [];

    public ConcurrentQueue<DeskCall> Calls { get; } = new();

    /// <summary>What every action answers.</summary>
    public DeskResult NextResult { get; set; } = DeskResult.Ok;

    public IReadOnlyList<string> Queues => QueueNames;

    public int SubscriberCount => _subscriptions.Count;

    public Task<IReadOnlyList<TicketSummary>> ListOpenAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TicketSummary>>([.. Open]);

    public Task<IReadOnlyList<TicketSummary>> ListOpenAsync(AgentIdentity agent, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TicketSummary>>([.. Open.Where(t => agent.MayActOn(t.Queue))]);

    public Task<TicketDetail?> GetAsync(long id, CancellationToken cancellationToken) => Task.FromResult(Details.GetValueOrDefault(id));

    public Task<TicketDetail?> GetAsync(long id, AgentIdentity agent, CancellationToken cancellationToken) =>
        Task.FromResult(Details.GetValueOrDefault(id) is { } detail && agent.MayActOn(detail.Ticket.Queue) ? detail : null);

    public Task<DeskResult> ClaimAsync(long id, AgentIdentity agent, CancellationToken cancellationToken) => Record("claim", id, agent, null);

    public Task<DeskResult> ReplyAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken) => Record("reply", id, agent, text);

    /// <summary>The template of the last <see cref="SendTemplateAsync"/> call.</summary>
    public MessageTemplate? LastTemplate { get; private set; }

    public Task<DeskResult> SendTemplateAsync(long id, AgentIdentity agent, MessageTemplate template, string previewText, CancellationToken cancellationToken)
    {
        LastTemplate = template;
        return Record("template", id, agent, previewText);
    }

    public Task<DeskResult> AddNoteAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken) => Record("notes", id, agent, text);

    public Task<DeskResult> TransferAsync(long id, AgentIdentity agent, string queue, CancellationToken cancellationToken) => Record("transfer", id, agent, queue);

    public Task<DeskResult> ResolveAsync(long id, AgentIdentity agent, CancellationToken cancellationToken) => Record("resolve", id, agent, null);

    public Task<DeskResult> ReturnToBotAsync(long id, AgentIdentity agent, CancellationToken cancellationToken) => Record("return", id, agent, null);

    public DeskSubscription Subscribe()
    {
        var subscription = new DeskSubscription(100, s => _subscriptions.TryRemove(s, out _));
        _subscriptions[subscription] = 0;
        return subscription;
    }

    public void Publish(DeskEvent deskEvent)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Publish(deskEvent);
        }
    }

    private Task<DeskResult> Record(string action, long id, AgentIdentity agent, string? argument)
    {
        Calls.Enqueue(new DeskCall(action, id, agent.Id, argument));
        return Task.FromResult(NextResult);
    }

    public static TicketSummary Ticket(long id, string queue = "general", HandoffTicketStatus status = HandoffTicketStatus.Queued, string? agentId = null, HandoffPriority priority = HandoffPriority.Normal) => new()
    {
        Id = id,
        Queue = queue,
        Priority = priority,
        Status = status,
        AgentId = agentId,
        Customer = "Jane <script>alert(1)</script>",
        Channel = "webchat",
        Reason = "asked for a person",
        Rule = "explicit-request",
        QueuedAt = new DateTimeOffset(2026, 3, 18, 9, 0, 0, TimeSpan.Zero),
    };

    public static TicketDetail Detail(TicketSummary ticket)
    {
        var at = ticket.QueuedAt;
        PacketMessage[] transcript =
        [
            new() { At = at.AddMinutes(-2), From = "customer", Channel = "webchat", Text = "Where is my order A-1042?" },
            new() { At = at.AddMinutes(-1), From = "bot", Channel = "webchat", Text = "Let me look." },
        ];
        var packet = new HandoffPacket
        {
            HandoffId = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = at,
            Customer = new PacketCustomer { Id = "cust-1", Name = "Jane", DisplayName = "Jane", Identities = ["webchat:u-1", "email:jane@example.com"] },
            Channels = [new PacketChannel { Channel = "webchat", ConversationId = "c-1", ReplyWindowOpen = true, Current = true }],
            Routing = new PacketRouting { Reason = ticket.Reason, Rule = ticket.Rule, RuleSource = "handoff-rules.yaml:3", Queue = ticket.Queue, Priority = ticket.Priority },
            Intent = new PacketIntent("order-status", 0.42),
            Entities = [new PacketEntity("order_number", "A-1042", "A-1042")],
            Sentiment = new PacketSentiment { Trend = "worsening", Last = -0.5, Points = [new PacketSentimentPoint(at, -0.5)] },
            BotAnswers = [new PacketAnswer { At = at, Question = "Where is my order?", Answered = false, Confidence = 0.3, Sources = [new AnswerSource("shipping", "Shipping times", 0.3)] }],
            Dialog = new PacketDialogPosition("order-status", "ask-number"),
            Summary = "Jane asks where order A-1042 is.",
            Transcript = transcript,
        };
        return new TicketDetail(ticket, packet, transcript, [new HandoffNote(1, ticket.Id, "bob", "VIP, be quick", at)], new ReplyTarget("webchat", "c-1", true, null));
    }
}

internal sealed record DeskCall(string Action, long Id, string AgentId, string? Argument);
