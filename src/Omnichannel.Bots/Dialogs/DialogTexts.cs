namespace Omnichannel.Bots;

/// <summary>The bot's own words around dialogs, in Markdown; set them to match your brand's voice.</summary>
public sealed class DialogTexts
{
    /// <summary>Said when the customer asks for help and the dialog has no help text of its own.</summary>
    public string Help { get; set; } =
        "Answer my question to carry on. Say **menu** to go back to the start, **start over** to begin again, or **agent** to talk to a person.";

    public string Cancelled { get; set; } = "OK, I've stopped that.";

    public string StartingOver { get; set; } = "OK, let's start over.";

    public string Handoff { get; set; } =
        "I'm bringing in a person from our team. They'll see this conversation, so you won't need to repeat yourself.";

    /// <summary>
    /// Said when the customer asks for a person and the bot has no handoff (no <c>AddHandoff()</c>); the conversation
    /// carries on with the bot.
    /// </summary>
    public string NoPerson { get; set; } =
        "Sorry, I can't connect you to a person here. Say **menu** to go back to the start, or carry on where we were.";

    public string TooManyAttempts { get; set; } = "Sorry, I'm not getting this right.";

    public string NotUnderstood { get; set; } = "Sorry, I didn't understand that.";

    /// <summary>
    /// Said when the customer writes on another channel while a question waits for their answer, before the answer is
    /// read (a message that is not the answer gets the question again, as the new channel shows it). <c>{channel}</c>
    /// is the channel they left (its <see cref="ChannelId.DisplayName"/>), <c>{question}</c> the question.
    /// </summary>
    public string ContinuedFromChannel { get; set; } =
        "Welcome back! On {channel} you were answering \"{question}\", so let's carry on from there.";

    /// <summary>Said when the dialog's code fails; the customer's message is kept and the error logged.</summary>
    public string TurnFailed { get; set; } =
        "Sorry, something went wrong on our side. Please try again in a moment, or say **agent** to talk to a person.";
}
