namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The word tokenizer of <see cref="StaticWordEmbeddingGenerator"/>: lower-cases, splits on everything that is not a
/// letter or digit, and treats apostrophes inside words according to <see cref="ContractionHandling"/>. Tokens are
/// produced into a caller's buffer without allocating.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>Tokens longer than this are never dictionary words and are skipped.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>Receives one lower-case token; the span is only valid during the call.</summary>
    public delegate void TokenAction<TState>(scoped ReadOnlySpan<char> token, ref TState state)
        where TState : allows ref struct;

    /// <summary>Whether a word is in the vocabulary.</summary>
    public delegate bool KnownWord(ReadOnlySpan<char> word);

    /// <summary>Splits <paramref name="text"/> into lower-case tokens.</summary>
    /// <param name="text">Any text.</param>
    /// <param name="handling">What to do with apostrophes inside words.</param>
    /// <param name="isKnown">Whether a joined form is a known word (used by <see cref="ContractionHandling.Expand"/> and <see cref="ContractionHandling.Join"/>); null means none is.</param>
    /// <param name="state">Passed by reference to <paramref name="onToken"/>.</param>
    /// <param name="onToken">Called once per token, in order.</param>
    public static void Tokenize<TState>(
        ReadOnlySpan<char> text,
        ContractionHandling handling,
        KnownWord? isKnown,
        ref TState state,
        TokenAction<TState> onToken)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(onToken);
        Span<char> stem = stackalloc char[MaxTokenLength];
        Span<char> joined = stackalloc char[MaxTokenLength * 2];
        Span<char> suffix = stackalloc char[MaxTokenLength];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var stemLength = ReadRun(text, ref i, stem);
            // A word followed by an apostrophe and a letter: a contraction, possessive or a name like o'neil.
            if (i + 1 < text.Length && IsApostrophe(text[i]) && char.IsLetter(text[i + 1]) && handling != ContractionHandling.Split)
            {
                i++;
                var suffixLength = ReadRun(text, ref i, suffix);
                EmitContraction(stem[..Math.Max(stemLength, 0)], stemLength, suffix[..Math.Max(suffixLength, 0)], suffixLength,
                    handling, isKnown, joined, ref state, onToken);
                continue;
            }

            if (stemLength > 0)
            {
                onToken(stem[..stemLength], ref state);
            }
        }
    }

    private static void EmitContraction<TState>(
        scoped ReadOnlySpan<char> stem, int stemLength, scoped ReadOnlySpan<char> suffix, int suffixLength, ContractionHandling handling,
        KnownWord? isKnown, scoped Span<char> joined, ref TState state, TokenAction<TState> onToken)
        where TState : allows ref struct
    {
        if (stemLength < 0 || suffixLength < 0)
        {
            // One part was too long to be a word: emit whichever part is usable.
            if (stemLength > 0)
            {
                onToken(stem, ref state);
            }

            if (suffixLength > 0)
            {
                onToken(suffix, ref state);
            }

            return;
        }

        if (handling == ContractionHandling.Expand)
        {
            var expansion = suffix switch
            {
                "t" when stem.EndsWith("n") => "not",
                "m" => "am",
                "re" => "are",
                "ve" => "have",
                "ll" => "will",
                "d" => "would",
                "s" => string.Empty,
                _ => null,
            };
            if (expansion is not null)
            {
                var first = suffix is "t" ? ExpandNegatedStem(stem[..^1]) : stem;
                if (!first.IsEmpty)
                {
                    onToken(first, ref state);
                }

                if (expansion.Length > 0)
                {
                    onToken(expansion, ref state);
                }

                return;
            }
        }

        stem.CopyTo(joined);
        suffix.CopyTo(joined[stem.Length..]);
        var whole = joined[..(stem.Length + suffix.Length)];
        if (isKnown is not null && isKnown(whole))
        {
            onToken(whole, ref state);
            return;
        }

        onToken(stem, ref state);
        onToken(suffix, ref state);
    }

    /// <summary>"ca" (can't) → can, "wo" (won't) → will, "sha" (shan't) → shall, "ai" (ain't) → is; others unchanged.</summary>
    private static ReadOnlySpan<char> ExpandNegatedStem(ReadOnlySpan<char> stem) => stem switch
    {
        "ca" => "can",
        "wo" => "will",
        "sha" => "shall",
        "ai" => "is",
        _ => stem,
    };

    /// <summary>Reads a run of letters/digits, lower-cased into <paramref name="buffer"/>; -1 when it is too long.</summary>
    private static int ReadRun(ReadOnlySpan<char> text, ref int i, Span<char> buffer)
    {
        var length = 0;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            if (length < buffer.Length)
            {
                buffer[length] = char.ToLowerInvariant(text[i]);
            }

            length++;
            i++;
        }

        return length <= buffer.Length ? length : -1;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';
}
