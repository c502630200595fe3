namespace Omnichannel.Bots.Storage;

public enum TurnStatus
{
    /// <summary>The turn ran; its replies and state are committed.</summary>
    Completed,

    /// <summary>The turn's code threw or timed out; the state is unchanged and the error is recorded.</summary>
    Failed,

    /// <summary>The message was recorded but not given to the dialog (a carrier keyword, or a human owns the conversation).</summary>
    Recorded,

    /// <summary>
    /// The turn could not be stored after <c>Bot:MaxTurnAttempts</c> attempts; the message is parked in the inbox with
    /// its error, the conversation moved on, and it runs again only when an operator retries it.
    /// </summary>
    Parked,
}
