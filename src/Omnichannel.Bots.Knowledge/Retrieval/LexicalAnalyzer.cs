using System.Globalization;
using System.Text;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Turns text into lexical terms: words, word bigrams and character n-grams of words. Normalisation: Unicode NFKD,
/// combining marks removed, lower-cased (invariant), apostrophes dropped ("don't" → "dont"), any other character that
/// is not a letter or digit separates words. Each term's id is the 32-bit FNV-1a hash of the UTF-8 bytes of
/// <c>{prefix}{term}</c> with prefix <c>w:</c> (word), <c>b:</c> (bigram, the two words joined by one space) or
/// <c>c:</c> (character n-gram of <c>_word_</c>). The hash is fixed: stores persist these ids, and a sparse vector
/// sent to another engine (Qdrant) uses the same ones. Thread-safe (no mutable state).
/// </summary>
public sealed class LexicalAnalyzer
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public LexicalAnalyzer(int minCharNGram = 3, int maxCharNGram = 5, bool bigrams = true)
    {
        if (minCharNGram < 1 || maxCharNGram < minCharNGram)
        {
            throw new ArgumentOutOfRangeException(nameof(minCharNGram), "Character n-grams need 1 <= min <= max.");
        }

        MinCharNGram = minCharNGram;
        MaxCharNGram = maxCharNGram;
        Bigrams = bigrams;
    }

    /// <summary>The analyzer every store and searcher of this library uses: words, bigrams, character 3- to 5-grams.</summary>
    public static LexicalAnalyzer Default { get; } = new();

    public int MinCharNGram { get; }

    public int MaxCharNGram { get; }

    public bool Bigrams { get; }

    /// <summary>The words of <paramref name="text"/> after normalisation, in order.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var normalized = text.Normalize(NormalizationForm.FormKD);
        var current = new StringBuilder();
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The 32-bit id of one term (see the class summary for the exact definition).</summary>
    public static uint TermId(LexicalTermKind kind, string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var hash = FnvOffset;
        hash = Mix(hash, kind switch { LexicalTermKind.Word => 'w', LexicalTermKind.Bigram => 'b', _ => 'c' });
        hash = Mix(hash, ':');
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in term.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * FnvPrime;
            }
        }

        return hash;
    }

    public LexicalTerms Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return LexicalTerms.Empty;
        }

        var counts = new Dictionary<uint, (float Count, LexicalTermKind Kind)>();
        for (var i = 0; i < words.Count; i++)
        {
            Add(counts, TermId(LexicalTermKind.Word, words[i]), LexicalTermKind.Word);
            if (Bigrams && i > 0)
            {
                Add(counts, TermId(LexicalTermKind.Bigram, words[i - 1] + " " + words[i]), LexicalTermKind.Bigram);
            }

            var padded = "_" + words[i] + "_";
            for (var n = MinCharNGram; n <= MaxCharNGram; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++)
                {
                    Add(counts, TermId(LexicalTermKind.CharacterNGram, padded.Substring(start, n)), LexicalTermKind.CharacterNGram);
                }
            }
        }

        var ids = new uint[counts.Count];
        var index = 0;
        foreach (var id in counts.Keys)
        {
            ids[index++] = id;
        }

        Array.Sort(ids);
        var frequencies = new float[ids.Length];
        var kinds = new LexicalTermKind[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            (frequencies[i], kinds[i]) = counts[ids[i]];
        }

        return new LexicalTerms(ids, frequencies, kinds, words.Count);
    }

    private static void Add(Dictionary<uint, (float Count, LexicalTermKind Kind)> counts, uint id, LexicalTermKind kind)
    {
        counts[id] = counts.TryGetValue(id, out var existing) ? (existing.Count + 1, kind) : (1, kind);
    }

    private static uint Mix(uint hash, char c) => (hash ^ c) * FnvPrime;
}
