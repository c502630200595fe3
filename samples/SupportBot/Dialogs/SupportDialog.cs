using Omnichannel.Bots.Knowledge;

namespace SupportBot.Dialogs;

/// <summary>
/// The support bot's main dialog: a greeting, a menu that also understands a sentence ("my order 12345 hasn't
/// arrived"), the order-status and returns dialogs, a person on request, and answers from the knowledge base for
/// anything else the customer asks ("how long does shipping take?").
/// </summary>
public sealed class SupportDialog : Dialog<SupportState>
{
    public const string Track = "track";
    public const string Return = "return";
    public const string Person = "person";

    // General words such as "shipping" or "delivery" are left to the knowledge base ("how long does shipping take?");
    // the synonyms here are what people say when they want their own order looked up or sent back.
    private static readonly ChoicePrompt Menu = Prompts.Choice(
            "How can I help?",
            new Choice(Track, "Track an order"),
            new Choice(Return, "Start a return"),
            new Choice(Person, "Talk to a person"))
        .WithSynonyms(
            Track,
            "track", "tracking", "where is my order", "order status", "hasn't arrived", "has not arrived", "not arrived", "didn't arrive",
            "did not arrive", "not here yet", "still waiting", "parcel", "package", "shipped")
        .WithSynonyms(
            Return,
            "return", "returns", "refund", "send back", "send it back", "exchange", "wrong size", "damaged", "broken");

    private static readonly QuestionOrChoicePrompt MenuOrQuestion = Menu.OrQuestion();

    private const string Yes = "yes";
    private const string No = "no";

    // "Anything else?" takes yes or no, and also the next request itself: a menu topic or a question is routed at once
    // (so after a person hands the conversation back, "how long does shipping take" is answered, not refused).
    private static readonly QuestionOrChoicePrompt AnythingElse = Prompts.Choice(
            "Is there anything else I can help with?",
            new Choice(Yes, "Yes"),
            new Choice(No, "No"))
        .WithSynonyms(Yes, "yes please", "yeah", "yep", "sure", "ok", "okay")
        .WithSynonyms(No, "no thanks", "no thank you", "nope", "nothing", "that's all", "thats all", "that's it", "thanks", "thank you", "bye", "goodbye")
        .OrQuestion();

    public override string HelpText =>
        "I can track an order, start a return, answer questions about shipping, payments and more, or put you through to a person. Say **menu** to start again at any time.";

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
        .Prompt("menu", MenuOrQuestion.AnswerFromCurrentMessage().HandOffWhenExhausted(), (s, choice) => s.Topic = choice.Value)
        .Step("route", async (d, ct) =>
        {
            switch (d.State.Topic)
            {
                case Track:
                    return StepResult.Begin<OrderStatusDialog>();
                case Return:
                    return StepResult.Begin<ReturnsDialog>();
                case var topic when KnowledgeChoices.IsKnowledgeValue(topic):
                    return StepResult.GoTo("knowledge");
                default:
                    await d.Turn.HandoffAsync("The customer chose to talk to a person.", ct);
                    await d.ReplyAsync("I'm connecting you with a person from our team. They'll see what we've talked about.", ct);
                    return StepResult.End;
            }
        })
        .Prompt("anything-else", AnythingElse, (s, choice) => s.Topic = choice.Value)
        .Step("wrap-up", async (d, ct) =>
        {
            switch (d.State.Topic)
            {
                case Yes:
                    return StepResult.GoTo("menu");
                case No:
                    await d.ReplyAsync("Thanks for contacting Acme Outdoor. Have a great day!", ct);
                    return StepResult.End;
                default:
                    // The next request itself: a menu topic named in a sentence, or a question for the knowledge base.
                    return StepResult.GoTo("next-request");
            }
        })
        .Child<KnowledgeDialog>("knowledge")
        .Step("after-knowledge", (_, _) =>
            // The knowledge dialog answered (or handed off) and returned. The options its reply offered stay the
            // conversation's choices, so "2" on SMS still picks one: the customer's next message is the next request.
            Task.FromResult(StepResult.Wait))
        .Step("next-request", (d, _) =>
        {
            // A menu topic ("where is my order 12345?"), a picked option of the answer, or the next question;
            // anything else ("thanks") is asked whether there is more.
            d.State.Topic = MenuOrQuestion.Recognize(d.Turn.Message)?.Value;
            return Task.FromResult(d.State.Topic is null ? StepResult.GoTo("anything-else") : StepResult.GoTo("route"));
        });
}
