using System.Globalization;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>A number, in digits ("1,250.50" as the customer's culture writes it) or English words ("twenty-one").</summary>
public sealed record NumberPrompt : Prompt<NumberPrompt, decimal>
{
    public NumberPrompt(string text)
        : base(text)
    {
    }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool WholeNumbersOnly { get; init; }

    protected internal override string NotRecognizedReason => (Min, Max) switch
    {
        ({ } min, { } max) => $"Please answer with {Kind} from {Format(min)} to {Format(max)}.",
        ({ } min, null) => $"Please answer with {Kind} of at least {Format(min)}.",
        (null, { } max) => $"Please answer with {Kind} of at most {Format(max)}.",
        _ => $"Please answer with {Kind}.",
    };

    private string Kind => WholeNumbersOnly ? "a whole number" : "a number";

    public NumberPrompt Between(decimal min, decimal max)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        return this with { Min = min, Max = max };
    }

    public NumberPrompt WholeNumber() => this with { WholeNumbersOnly = true };

    protected internal override bool TryRecognize(PromptInput input, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(input);
        var recognized = NumberRecognizer.TryParse(input.Text, input.Culture, out value)
            || TrySingle(NumberRecognizer.FindAll(input.Text, input.Culture), out value);
        return recognized && IsAllowed(value);
    }

    protected internal override IReadOnlyList<Recognized<decimal>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return NumberRecognizer.FindAll(input.Text, input.Culture).Where(r => IsAllowed(r.Value)).ToList();
    }

    private bool IsAllowed(decimal value) =>
        (!WholeNumbersOnly || decimal.Truncate(value) == value)
        && (Min is null || value >= Min)
        && (Max is null || value <= Max);

    private static string Format(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
