using System.Text.Json;

namespace Omnichannel.Bots;

/// <summary>
/// A dialog whose state is a <typeparamref name="TState"/>: created when the dialog begins, saved with the customer's
/// journey after every turn (as JSON), and given to every step.
/// </summary>
/// <example>
/// <code>
/// public sealed class ReturnsDialog : Dialog&lt;ReturnsState&gt;
/// {
///     protected override void Define(DialogSteps&lt;ReturnsState&gt; steps) =&gt; steps
///         .Prompt("order", Prompts.Text("Which order?").Matching(@"\d{5}", "Order numbers have 5 digits."), (s, v) =&gt; s.Order = v)
///         .Prompt("sure", s =&gt; Prompts.Confirm($"Return order {s.Order}?"), (s, yes) =&gt; s.Confirmed = yes)
///         .Step("done", async (d, ct) =&gt; { await d.ReplyAsync("Done.", ct); return StepResult.End; });
/// }
/// </code>
/// </example>
public abstract class Dialog<TState> : Dialog
    where TState : class, new()
{
    protected Dialog(string? id = null)
        : base(id)
    {
    }

    internal override Type StateType => typeof(TState);

    /// <summary>Declares the steps, in order. Called once per dialog instance.</summary>
    protected abstract void Define(DialogSteps<TState> steps);

    internal override object CreateState() => new TState();

    internal override object DeserializeState(JsonElement json, JsonSerializerOptions options) =>
        json.Deserialize<TState>(options) ?? new TState();

    private protected override DialogDefinition Build()
    {
        var steps = new DialogSteps<TState>(Id);
        Define(steps);
        return steps.Build();
    }
}
