namespace Omnichannel.Bots;

/// <summary>How a proactive send ended.</summary>
public enum ProactiveOutcome
{
    /// <summary>Written to the transcript and the outbox; the outbox sends it.</summary>
    Queued,

    /// <summary>The reachability policy refused it (<see cref="ProactiveResult.Problem"/> says why); nothing was written.</summary>
    Refused,

    /// <summary>There is no conversation with the given id; nothing was written.</summary>
    NoConversation,
}
