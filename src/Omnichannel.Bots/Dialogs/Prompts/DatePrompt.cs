using System.Globalization;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// A date: "tomorrow", "next friday", "14 March", "3/14/2026" (day and month in the customer's culture's order),
/// "2026-03-14". Dates without a year and bare weekdays resolve towards <see cref="Direction"/>.
/// </summary>
public sealed record DatePrompt : Prompt<DatePrompt, DateOnly>
{
    public DatePrompt(string text)
        : base(text)
    {
    }

    public DateDirection Direction { get; init; } = DateDirection.Future;

    public DateOnly? Earliest { get; init; }

    public DateOnly? Latest { get; init; }

    /// <summary>When set, only today or earlier (a delivery date); dates without a year resolve to the past.</summary>
    public bool NotAfterToday { get; init; }

    /// <summary>When set, only today or later (an appointment).</summary>
    public bool NotBeforeToday { get; init; }

    protected internal override string NotRecognizedReason => (NotAfterToday, NotBeforeToday, Earliest, Latest) switch
    {
        (_, _, { } earliest, { } latest) => $"Please give a date from {Format(earliest)} to {Format(latest)}.",
        (true, _, _, _) => "Please give a date today or earlier, like \"yesterday\" or \"3 March\".",
        (_, true, _, _) => "Please give a date today or later, like \"tomorrow\" or \"next Friday\".",
        _ => "Please give a date, like \"tomorrow\", \"next Friday\" or \"14 March\".",
    };

    public DatePrompt InPast() => this with { Direction = DateDirection.Past, NotAfterToday = true };

    public DatePrompt InFuture() => this with { Direction = DateDirection.Future, NotBeforeToday = true };

    public DatePrompt Between(DateOnly earliest, DateOnly latest)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(earliest, latest);
        return this with { Earliest = earliest, Latest = latest };
    }

    protected internal override bool TryRecognize(PromptInput input, out DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(input);
        var recognized = DateRecognizer.TryParse(input.Text, input.Culture, input.Today, Direction, out value)
            || TrySingle(DateRecognizer.FindAll(input.Text, input.Culture, input.Today, Direction), out value);
        return recognized && IsAllowed(value, input.Today);
    }

    protected internal override IReadOnlyList<Recognized<DateOnly>> Extract(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DateRecognizer.FindAll(input.Text, input.Culture, input.Today, Direction).Where(r => IsAllowed(r.Value, input.Today)).ToList();
    }

    private bool IsAllowed(DateOnly value, DateOnly today) =>
        (!NotAfterToday || value <= today)
        && (!NotBeforeToday || value >= today)
        && (Earliest is null || value >= Earliest)
        && (Latest is null || value <= Latest);

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
