using System.Globalization;
using SupportBot.Orders;

namespace SupportBot.Dialogs;

/// <summary>
/// Starts a return: which order and why (both may come in one sentence), how many items, a courier pickup day, where
/// to send the label, a phone number for the courier (not asked on channels that already know it), and a confirmation.
/// </summary>
public sealed class ReturnsDialog : Dialog<ReturnsState>
{
    public const int ReturnWindowDays = 30;

    private readonly IOrderService _orders;

    public ReturnsDialog(IOrderService orders)
    {
        _orders = orders;
    }

    public override string HelpText =>
        $"You can return items within {ReturnWindowDays} days of delivery. I'll book a courier and email you a label. Say **menu** to stop.";

    protected override void Define(DialogSteps<ReturnsState> steps) => steps
        .Step("known-details", (d, ct) =>
        {
            d.State.Phone ??= d.Turn.Customer.IdentityKeys.FirstOrDefault(k => k.StartsWith("phone:", StringComparison.Ordinal))?["phone:".Length..];
            return Task.FromResult(StepResult.Next);
        })
        .Form("order-and-reason", form => form
            .Slot("order-number", d => ReturnableOrder(d.Today), (s, v) => s.OrderNumber = v)
            .Slot("reason", ReasonPrompt, (s, v) => s.Reason = v.Title))
        .Step("load-order", async (d, ct) =>
        {
            var order = await _orders.FindAsync(d.State.OrderNumber!, ct);
            d.State.ItemsOnOrder = order!.Items;
            d.State.Items = order.Items == 1 ? 1 : 0;
            return order.Items == 1 ? StepResult.GoTo("pickup") : StepResult.Next;
        })
        .Prompt(
            "items",
            s => Prompts.Number($"Order {s.OrderNumber} has {s.ItemsOnOrder} items. How many are you returning?").Between(1, s.ItemsOnOrder).WholeNumber(),
            (s, v) => s.Items = (int)v)
        .PromptWith("pickup", d => PickupPrompt(d.Today), (s, v) => s.PickupOn = v)
        .Prompt("email", Prompts.Email("What email address should I send the return label to?"), (s, v) => s.Email = v)
        .Prompt("phone", Prompts.Phone("What phone number can the courier call on pickup day?"), (s, v) => s.Phone = v)
        .When(s => s.Phone is null)
        .Prompt("confirm", s => Prompts.Confirm(Summary(s)), (s, yes) => s.Confirmed = yes)
        .Step("book", async (d, ct) =>
        {
            if (!d.State.Confirmed)
            {
                await d.ReplyAsync("No problem, I haven't booked anything.", ct);
                return StepResult.End;
            }

            var s = d.State;
            var reference = await _orders.CreateReturnAsync(new ReturnRequest(s.OrderNumber!, s.Items, s.Reason!, s.PickupOn, s.Email!, s.Phone!), ct);
            await d.ReplyAsync($"Done! Your return reference is **{reference}**. The label is on its way to {s.Email}, and the courier will come on {Day(s.PickupOn)}.", ct);
            d.Turn.ResolveJourney();
            return StepResult.End;
        });

    private static ChoicePrompt ReasonPrompt { get; } = Prompts.Choice(
            "Why are you returning it?",
            new Choice("damaged", "Arrived damaged"),
            new Choice("size", "Wrong size"),
            new Choice("not-as-described", "Not as described"),
            new Choice("changed-mind", "Changed my mind"))
        .WithSynonyms("damaged", "damaged", "broken", "cracked", "torn", "faulty", "defective")
        .WithSynonyms("size", "too small", "too big", "too large", "doesn't fit", "does not fit", "size")
        .WithSynonyms("not-as-described", "not as described", "different from the picture", "wrong colour", "wrong color", "wrong item")
        .WithSynonyms("changed-mind", "changed my mind", "don't want it", "do not want it", "no longer need");

    /// <summary>An order number of a delivered order still inside the return window on <paramref name="today"/> (in the bot's time zone).</summary>
    private Prompt<string> ReturnableOrder(DateOnly today) =>
        OrderNumbers.Prompt(_orders, "Which order would you like to return? It's the 5 digits in your confirmation email.")
            .ValidateAsync(async (number, ct) =>
            {
                var order = await _orders.FindAsync(number, ct);
                return order switch
                {
                    { DeliveredOn: null } => $"Order {number} hasn't been delivered yet, so it can't be returned. Once it arrives you have {ReturnWindowDays} days.",
                    { DeliveredOn: { } delivered } when delivered.AddDays(ReturnWindowDays) < today =>
                        $"Order {number} was delivered on {Day(delivered)}, more than {ReturnWindowDays} days ago, so it's outside our return window.",
                    _ => null,
                };
            });

    /// <summary>A weekday from tomorrow to two weeks from <paramref name="today"/> (in the bot's time zone).</summary>
    private static Prompt<DateOnly> PickupPrompt(DateOnly today) =>
        Prompts.Date("Which day should the courier collect it? Any weekday in the next two weeks.")
            .Between(today.AddDays(1), today.AddDays(14))
            .Validate(day => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "The courier doesn't collect at weekends." : null);

    private static string Summary(ReturnsState s) =>
        $"To confirm: return {s.Items} item{(s.Items == 1 ? string.Empty : "s")} from order {s.OrderNumber} ({s.Reason}), collected on {Day(s.PickupOn)}, label to {s.Email}. Shall I book it?";

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
}
