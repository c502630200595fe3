namespace SupportBot.Orders;

/// <summary>How the support dialogs ask for and check an order number.</summary>
public static class OrderNumbers
{
    public const string Pattern = @"\d{5}";

    public static Prompt<string> Prompt(IOrderService orders, string question) =>
        Prompts.Text(question)
            .Matching(Pattern, "Order numbers have 5 digits, like 12345.")
            .ValidateAsync(async (number, ct) => await orders.FindAsync(number, ct).ConfigureAwait(false) is null
                ? $"I couldn't find order {number}. Please check the number in your confirmation email."
                : null);
}
