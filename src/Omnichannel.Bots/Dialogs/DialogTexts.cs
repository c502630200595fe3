namespace Omnichannel.Bots;

/// <summary>The bot's own words around dialogs, in Markdown; set them to match your brand's voice.</summary>
public sealed class DialogTexts
{
    public string Help { get; set; } =
        "I can help with orders, deliveries and returns. Say **menu** to go back to the start, or **agent** to talk to a person.";

    public string Cancelled { get; set; } = "OK, I've stopped that.";

    public string StartingOver { get; set; } = "OK, let's start over.";

    public string Handoff { get; set; } =
        "I'm bringing in a person from our team. They'll see this conversation, so you won't need to repeat yourself.";

    public string TooManyAttempts { get; set; } = "Sorry, I'm not getting this right.";

    public string NotUnderstood { get; set; } = "Sorry, I didn't understand that.";

    /// <summary>Said when the dialog's code fails; the customer's message is kept and the error logged.</summary>
    public string TurnFailed { get; set; } =
        "Sorry, something went wrong on our side. Please try again in a moment, or say **agent** to talk to a person.";
}
