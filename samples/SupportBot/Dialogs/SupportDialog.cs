namespace SupportBot.Dialogs;

/// <summary>
/// The support bot's main dialog: a greeting, a menu that also understands a sentence ("my order 12345 hasn't
/// arrived"), the order-status and returns dialogs, and a person on request.
/// </summary>
public sealed class SupportDialog : Dialog<SupportState>
{
    public const string Track = "track";
    public const string Return = "return";
    public const string Person = "person";

    private static readonly ChoicePrompt Menu = Prompts.Choice(
            "How can I help?",
            new Choice(Track, "Track an order"),
            new Choice(Return, "Start a return"),
            new Choice(Person, "Talk to a person"))
        .WithSynonyms(
            Track,
            "track", "tracking", "where is my order", "order status", "hasn't arrived", "has not arrived", "not arrived", "didn't arrive",
            "did not arrive", "not here yet", "still waiting", "delivery", "late", "parcel", "package", "shipping", "shipped")
        .WithSynonyms(
            Return,
            "return", "returns", "refund", "send back", "send it back", "exchange", "wrong size", "damaged", "broken");

    public override string HelpText =>
        "I can track an order, start a return, or put you through to a person. Say **menu** to start again at any time.";

    protected override void Define(DialogSteps<SupportState> steps) => steps
        .Step("greet", async (d, ct) =>
        {
            if (!d.State.Greeted)
            {
                d.State.Greeted = true;
                await d.ReplyAsync("Hi, I'm the Acme Outdoor support assistant.", ct);
            }

            return StepResult.Next;
        })
        .Prompt("menu", Menu.AnswerFromCurrentMessage().HandOffWhenExhausted(), (s, choice) => s.Topic = choice.Value)
        .Step("route", async (d, ct) =>
        {
            switch (d.State.Topic)
            {
                case Track:
                    return StepResult.Begin<OrderStatusDialog>();
                case Return:
                    return StepResult.Begin<ReturnsDialog>();
                default:
                    await d.Turn.HandoffAsync("The customer chose to talk to a person.", ct);
                    await d.ReplyAsync("I'm connecting you with a person from our team. They'll see what we've talked about.", ct);
                    return StepResult.End;
            }
        })
        .Prompt("anything-else", Prompts.Confirm("Is there anything else I can help with?"), (s, yes) => s.WantsMore = yes)
        .Step("wrap-up", async (d, ct) =>
        {
            if (d.State.WantsMore)
            {
                return StepResult.GoTo("menu");
            }

            await d.ReplyAsync("Thanks for contacting Acme Outdoor. Have a great day!", ct);
            return StepResult.End;
        });
}
