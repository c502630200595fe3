namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// Where an agent's reply goes (the channel the customer wrote on last) and, when it cannot go, why: the core
/// reachability policy's reason for a human agent's message in words (<see cref="Problem"/>) and its kind
/// (<see cref="ProblemKind"/>: no adapter, the chat blocked the bot, opted out, the agent's reply window closed), and
/// whether an approved template can still go (<see cref="CanSendTemplate"/>: WhatsApp after its window).
/// </summary>
public sealed record ReplyTarget(string Channel, string ConversationId, bool CanReply, string? Problem)
{
    public ReachProblemKind? ProblemKind { get; init; }

    /// <summary>True when the channel sends templates and nothing but the window blocks one now.</summary>
    public bool CanSendTemplate { get; init; }

    /// <summary>An agent's reply to <paramref name="conversation"/> as <paramref name="reach"/> allows it.</summary>
    public static ReplyTarget For(ConversationRecord conversation, Reachability reach)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(reach);
        return new ReplyTarget(conversation.Channel.Value, conversation.Id, reach.AgentProblem is null, reach.AgentProblem?.Message)
        {
            ProblemKind = reach.AgentProblem?.Kind,
            CanSendTemplate = reach.SupportsTemplates && reach.TemplateProblem is null,
        };
    }
}
