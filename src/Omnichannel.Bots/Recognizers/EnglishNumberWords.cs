using System.Collections.Frozen;

namespace Omnichannel.Bots.Recognizers;

/// <summary>
/// English number words: cardinals ("twenty-one", "one hundred and five", "three thousand", "a dozen",
/// "two and a half", "three point five") and ordinals ("first", "twenty-first"). Words arrive lower-cased,
/// one per item (hyphens already split).
/// </summary>
internal static class EnglishNumberWords
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Teens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
        ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
        ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17,
        ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40,
        ["fiftieth"] = 50, ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Joiners =
        new[] { "and", "a", "an", "point", "dozen", "half", "minus", "negative", "zero", "oh", "hundred" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a word that can be part of a written number ("and" and "a" included).</summary>
    public static bool IsNumberWord(string word) =>
        Units.ContainsKey(word) || Teens.ContainsKey(word) || Tens.ContainsKey(word) || Scales.ContainsKey(word) || Joiners.Contains(word);

    /// <summary>True for a word that can start a written number.</summary>
    public static bool CanStart(string word) => IsNumberWord(word) && word is not ("and" or "point" or "dozen" or "hundred" or "oh");

    /// <summary>Reads the whole word list as one cardinal number.</summary>
    public static bool TryParseCardinal(IReadOnlyList<string> words, out decimal value)
    {
        value = 0;
        if (words.Count == 0)
        {
            return false;
        }

        var sign = 1m;
        var start = 0;
        if (words[0] is "minus" or "negative")
        {
            sign = -1m;
            start = 1;
        }

        var rest = words.Skip(start).ToList();
        if (!TryParseUnsigned(rest, out value))
        {
            return false;
        }

        value *= sign;
        return true;
    }

    /// <summary>Reads "first" … "ninetieth" and "twenty first" (1 to 99).</summary>
    public static bool TryParseOrdinal(IReadOnlyList<string> words, out int value)
    {
        value = 0;
        if (words.Count == 1 && Ordinals.TryGetValue(words[0], out value))
        {
            return true;
        }

        if (words.Count == 2 && Tens.TryGetValue(words[0], out var tens) && Ordinals.TryGetValue(words[1], out var unit) && unit is >= 1 and <= 9)
        {
            value = tens + unit;
            return true;
        }

        value = 0;
        return false;
    }

    private static bool TryParseUnsigned(List<string> words, out decimal value)
    {
        value = 0;
        switch (words)
        {
            case []:
                return false;
            case ["zero"]:
                return true;
            case ["half", "a" or "an", "dozen"]:
                value = 6;
                return true;
            case ["a" or "an", "dozen"]:
                value = 12;
                return true;
            case [.. var count, "dozen"]:
                if (TryParseInteger(count, out value) && value is > 0 and < 100)
                {
                    value *= 12;
                    return true;
                }

                return false;
            case [.. var whole, "and", "a" or "an", "half"]:
                if (TryParseInteger(whole, out value))
                {
                    value += 0.5m;
                    return true;
                }

                return false;
        }

        var point = words.IndexOf("point");
        if (point < 0)
        {
            return TryParseInteger(words, out value);
        }

        var fraction = words.Skip(point + 1).ToList();
        var integer = words.Take(point).ToList();
        if (fraction.Count == 0 || !(integer is ["zero"] or ["oh"] || TryParseInteger(integer, out value)))
        {
            return false;
        }

        var scale = 0.1m;
        foreach (var word in fraction)
        {
            int digit;
            if (word is "zero" or "oh")
            {
                digit = 0;
            }
            else if (!Units.TryGetValue(word, out digit))
            {
                return false;
            }

            value += digit * scale;
            scale /= 10;
        }

        return true;
    }

    private static bool TryParseInteger(List<string> words, out decimal value)
    {
        value = 0;
        var position = 0;
        var lastScale = decimal.MaxValue;
        var any = false;
        while (position < words.Count)
        {
            if (!TryParseBelowThousand(words, ref position, out var group))
            {
                return false;
            }

            any = true;
            if (position < words.Count && Scales.TryGetValue(words[position], out var scale) && scale < lastScale)
            {
                value += group * scale;
                lastScale = scale;
                position++;
                if (position < words.Count - 1 && words[position] == "and")
                {
                    position++;
                }

                continue;
            }

            value += group;
            break;
        }

        return any && position == words.Count;
    }

    private static bool TryParseBelowThousand(List<string> words, ref int position, out int value)
    {
        value = 0;
        if (position >= words.Count)
        {
            return false;
        }

        if (words[position] is "a" or "an")
        {
            if (position + 1 >= words.Count || !(words[position + 1] == "hundred" || Scales.ContainsKey(words[position + 1])))
            {
                return false;
            }

            position++;
            value = 1;
        }
        else if (!TryParseBelowHundred(words, ref position, out value))
        {
            return false;
        }

        if (position < words.Count && words[position] == "hundred")
        {
            position++;
            value *= 100;
            if (position < words.Count && words[position] == "and")
            {
                position++;
                if (!TryParseBelowHundred(words, ref position, out var rest))
                {
                    return false;
                }

                value += rest;
            }
            else if (position < words.Count && !Scales.ContainsKey(words[position]) && TryParseBelowHundred(words, ref position, out var rest))
            {
                value += rest;
            }
        }

        return true;
    }

    private static bool TryParseBelowHundred(List<string> words, ref int position, out int value)
    {
        var word = words[position];
        if (Units.TryGetValue(word, out value) || Teens.TryGetValue(word, out value))
        {
            position++;
            return true;
        }

        if (!Tens.TryGetValue(word, out value))
        {
            return false;
        }

        position++;
        if (position < words.Count && Units.TryGetValue(words[position], out var unit))
        {
            value += unit;
            position++;
        }

        return true;
    }
}
