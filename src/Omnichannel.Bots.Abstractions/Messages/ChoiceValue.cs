using System.Diagnostics.CodeAnalysis;

namespace Omnichannel.Bots;

/// <summary>
/// The typed value of a choice a package offers and handles itself (a knowledge article, "talk to a person", a 1-5
/// rating): the <see cref="Owner"/> package, the <see cref="Kind"/> of choice, and an optional
/// <see cref="Argument"/> (the article id, the rating). It travels as the choice's string value, written and read
/// only here (<c>owner:kind</c> or <c>owner:kind:argument</c>), so no package parses another's prefix: each asks
/// <see cref="TryParse"/> and compares the owner to its own.
/// </summary>
/// <param name="Owner">The package that offers and handles the choice ("kb", "handoff"): letters, digits, '-' or '_'.</param>
/// <param name="Kind">What the choice does for its owner ("article", "person"): letters, digits, '-' or '_'.</param>
/// <param name="Argument">Its payload, or null; may contain ':'.</param>
public readonly record struct ChoiceValue(string Owner, string Kind, string? Argument = null)
{
    private const char Separator = ':';

    /// <summary>The value to put in <see cref="Choice.Value"/>.</summary>
    public override string ToString()
    {
        if (!IsName(Owner) || !IsName(Kind))
        {
            throw new InvalidOperationException($"A choice value's owner and kind are letters, digits, '-' or '_' ('{Owner}', '{Kind}').");
        }

        return Argument is null ? $"{Owner}{Separator}{Kind}" : $"{Owner}{Separator}{Kind}{Separator}{Argument}";
    }

    /// <summary>A choice with this value and <paramref name="title"/>.</summary>
    public Choice ToChoice(string title) => new(ToString(), title);

    /// <summary>Reads a choice's value; false for a value no package typed (a title, a dialog's own value).</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ChoiceValue choice)
    {
        choice = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var first = value.IndexOf(Separator, StringComparison.Ordinal);
        if (first <= 0)
        {
            return false;
        }

        var second = value.IndexOf(Separator, first + 1);
        var owner = value[..first];
        var kind = second < 0 ? value[(first + 1)..] : value[(first + 1)..second];
        if (!IsName(owner) || !IsName(kind))
        {
            return false;
        }

        choice = new ChoiceValue(owner, kind, second < 0 ? null : value[(second + 1)..]);
        return true;
    }

    /// <summary>True when <paramref name="value"/> is a typed value of <paramref name="owner"/>.</summary>
    public static bool IsOwnedBy([NotNullWhen(true)] string? value, string owner, out ChoiceValue choice) =>
        TryParse(value, out choice) && string.Equals(choice.Owner, owner, StringComparison.Ordinal);

    private static bool IsName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
