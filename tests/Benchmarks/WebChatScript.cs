namespace Benchmarks;

/// <summary>
/// What one web chat customer says, for as long as the load runs, with the bot messages each line must be answered
/// by (in order; each reply starts with its expected text). "hi" → the greeting and the menu; then rounds of
/// "Track an order" (the button's title, which Web Chat posts back) → the order-number question, an order number →
/// its status and "anything else?", "yes" → the menu again.
/// </summary>
public static class WebChatScript
{
    private static readonly string[] OrderNumbers = ["12345", "23456", "34567"];

    /// <summary>The <paramref name="step"/>-th message (0-based) of conversation <paramref name="conversation"/> and the replies it gets.</summary>
    public static ScriptedMessage Message(int conversation, long step)
    {
        if (step == 0)
        {
            return new("hi", ["Hi, I'm the Acme Outdoor support assistant.", "How can I help?"]);
        }

        var round = (step - 1) / 3;
        var orderNumber = OrderNumbers[(conversation + round) % OrderNumbers.Length];
        return ((step - 1) % 3) switch
        {
            0 => new("Track an order", ["What's your order number?"]),
            1 => new(orderNumber, ["Order " + orderNumber, "Is there anything else I can help with?"]),
            _ => new("yes", ["How can I help?"]),
        };
    }
}

/// <summary>A customer's line and the starts of the bot messages that must answer it, in order.</summary>
public sealed record ScriptedMessage(string Text, IReadOnlyList<string> Replies);
