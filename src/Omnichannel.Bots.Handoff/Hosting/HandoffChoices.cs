using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The choices the handoff package offers and handles, as typed <see cref="ChoiceValue"/>s it owns (<c>handoff</c>):
/// "Talk to a person" and "Keep going" on a clarifying question (<c>handoff:person</c>, <c>handoff:continue</c>), and
/// the 1-5 rating (<c>handoff:csat:4</c>; earlier releases wrote <c>csat:4</c>, which still reads).
/// </summary>
public static class HandoffChoices
{
    /// <summary>The owner of this package's choice values.</summary>
    public const string Owner = "handoff";

    private const string PersonKind = "person";
    private const string ContinueKind = "continue";
    private const string CsatKind = "csat";
    private const string LegacyCsatPrefix = "csat:";

    /// <summary>The value of the "Talk to a person" choice of a clarifying question.</summary>
    public static string Person { get; } = new ChoiceValue(Owner, PersonKind).ToString();

    /// <summary>The value of the "Keep going" choice of a clarifying question.</summary>
    public static string Continue { get; } = new ChoiceValue(Owner, ContinueKind).ToString();

    /// <summary>The rating <paramref name="score"/> (1-5) as a choice titled with the digit.</summary>
    public static Choice Csat(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        var digit = score.ToString(CultureInfo.InvariantCulture);
        return new ChoiceValue(Owner, CsatKind, digit).ToChoice(digit);
    }

    /// <summary>True when <paramref name="value"/> is a rating choice; <paramref name="rating"/> is what it carries (unchecked).</summary>
    public static bool TryGetCsat([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? rating)
    {
        rating = ChoiceValue.IsOwnedBy(value, Owner, out var choice) && choice.Kind == CsatKind ? choice.Argument
            : value is not null && value.StartsWith(LegacyCsatPrefix, StringComparison.Ordinal) ? value[LegacyCsatPrefix.Length..]
            : null;
        return rating is not null;
    }
}
