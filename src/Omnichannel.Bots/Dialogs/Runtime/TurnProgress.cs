namespace Omnichannel.Bots;

/// <summary>What the dialogs have done with the customer's message so far in this turn.</summary>
internal sealed class TurnProgress
{
    /// <summary>A prompt, form or waiting step has taken the message as its answer; later prompts must not read it again.</summary>
    public bool MessageConsumed { get; set; }

    /// <summary>
    /// The customer came back on another channel while a prompt waited: a message that does not answer it is not a
    /// failed attempt (it is probably a greeting), the question is asked again as this channel shows it.
    /// </summary>
    public bool ContinuingOnNewChannel { get; set; }
}
