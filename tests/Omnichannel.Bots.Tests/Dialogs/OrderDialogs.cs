namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class OrderState
{
    public string? Name { get; set; }

    public string? Size { get; set; }

    public int Count { get; set; }

    public string? City { get; set; }
}

/// <summary>A waterfall: a greeting, three prompts (text with a validator, choice, number with a retry limit of 2), a summary.</summary>
public sealed class OrderDialog : Dialog<OrderState>
{
    public override string? HelpText => "I'm taking a T-shirt order. Say **menu** to stop.";

    protected override void Define(DialogSteps<OrderState> steps) => steps
        .Step("greet", async (d, ct) =>
        {
            await d.ReplyAsync("Welcome to the T-shirt shop.", ct);
            return StepResult.Next;
        })
        .Prompt("name", Prompts.Text("What's your name?").Validate(n => n.Length < 2 ? "Names have at least 2 letters." : null), (s, v) => s.Name = v)
        .Prompt("size", Prompts.Choice("Which size?", "Small", "Medium", "Large"), (s, v) => s.Size = v.Title)
        .Prompt("count", Prompts.Number("How many?").Between(1, 5).WholeNumber().WithMaxAttempts(2), (s, v) => s.Count = (int)v)
        .Step("done", async (d, ct) =>
        {
            await d.ReplyAsync($"{d.State.Count} x {d.State.Size} for {d.State.Name}.", ct);
            return StepResult.End;
        });
}

public sealed class AddressState
{
    public string? City { get; set; }
}

/// <summary>A child dialog: asks a city (at most 2 attempts, at least 3 letters).</summary>
public sealed class AddressDialog : Dialog<AddressState>
{
    protected override void Define(DialogSteps<AddressState> steps) => steps
        .Prompt("city", Prompts.Text("Which city do we ship to?").WithLength(3, 60).WithMaxAttempts(2), (s, v) => s.City = v);
}

/// <summary>A parent that runs <see cref="AddressDialog"/> as a child step and reads its final state.</summary>
public sealed class ShippingDialog : Dialog<OrderState>
{
    protected override void Define(DialogSteps<OrderState> steps) => steps
        .Step("before", async (d, ct) =>
        {
            await d.ReplyAsync("Let's get your address.", ct);
            return StepResult.Next;
        })
        .Child<AddressDialog, AddressState>("address", (parent, child) => parent.City = child.City)
        .Step("after", async (d, ct) =>
        {
            await d.ReplyAsync(d.State.City is null ? "No address, so I'll hold the parcel." : $"Shipping to {d.State.City}.", ct);
            return StepResult.End;
        });
}

public sealed class TicketState
{
    public string? Order { get; set; }

    public string? Problem { get; set; }

    public bool Done { get; set; }
}

/// <summary>A form: an order number and a problem, fillable in any order and both from one sentence.</summary>
public sealed class TicketDialog : Dialog<TicketState>
{
    protected override void Define(DialogSteps<TicketState> steps) => steps
        .Form("details", form => form
            .Slot("order", Prompts.Text("What's your order number?").Matching(@"\d{5}", "Order numbers have 5 digits."), (s, v) => s.Order = v)
            .Slot("problem", Prompts.Choice("What went wrong?", new Choice("late", "It's late"), new Choice("damaged", "It's damaged"))
                .WithSynonyms("late", "hasn't arrived", "not arrived", "late")
                .WithSynonyms("damaged", "broken", "damaged", "cracked"), (s, v) => s.Problem = v.Value))
        .Step("done", async (d, ct) =>
        {
            d.State.Done = true;
            await d.ReplyAsync($"Ticket: order {d.State.Order}, {d.State.Problem}.", ct);
            return StepResult.Wait;
        })
        .Step("after-done", (d, ct) => Task.FromResult(StepResult.GoTo("done")));
}
