using System.Collections.Frozen;
using System.Globalization;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>One language's words and phrases with their valence (-4..+4), its negators, boosters and contrast words.</summary>
internal sealed class SentimentLexicon
{
    private SentimentLexicon(
        FrozenDictionary<string, double> words,
        FrozenSet<string> negators,
        FrozenDictionary<string, double> boosters,
        FrozenSet<string> contrast)
    {
        Words = words;
        Negators = negators;
        Boosters = boosters;
        Contrast = contrast;
        MaxPhraseWords = words.Count == 0 ? 1 : words.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    public FrozenDictionary<string, double> Words { get; }

    public FrozenSet<string> Negators { get; }

    public FrozenDictionary<string, double> Boosters { get; }

    public FrozenSet<string> Contrast { get; }

    public int MaxPhraseWords { get; }

    public static SentimentLexicon English { get; } = Parse(
        SentimentWordsEnglish.Words, SentimentWordsEnglish.Negators, SentimentWordsEnglish.Boosters, SentimentWordsEnglish.Contrast);

    public static SentimentLexicon Spanish { get; } = Parse(
        SentimentWordsOther.SpanishWords, SentimentWordsOther.SpanishNegators, SentimentWordsOther.SpanishBoosters, SentimentWordsOther.SpanishContrast);

    public static SentimentLexicon French { get; } = Parse(
        SentimentWordsOther.FrenchWords, SentimentWordsOther.FrenchNegators, SentimentWordsOther.FrenchBoosters, SentimentWordsOther.FrenchContrast);

    public static SentimentLexicon German { get; } = Parse(
        SentimentWordsOther.GermanWords, SentimentWordsOther.GermanNegators, SentimentWordsOther.GermanBoosters, SentimentWordsOther.GermanContrast);

    public static SentimentLexicon Portuguese { get; } = Parse(
        SentimentWordsOther.PortugueseWords, SentimentWordsOther.PortugueseNegators, SentimentWordsOther.PortugueseBoosters, SentimentWordsOther.PortugueseContrast);

    /// <summary>Every language together (a word in several keeps the first language's valence: en, es, fr, de, pt).</summary>
    public static SentimentLexicon All { get; } = Merge(English, Spanish, French, German, Portuguese);

    /// <summary>The lexicon for a language code ("en", "es", ...); null for a language without one.</summary>
    public static SentimentLexicon? For(string? language) => language switch
    {
        "en" => English,
        "es" => Spanish,
        "fr" => French,
        "de" => German,
        "pt" => Portuguese,
        _ => null,
    };

    /// <summary>
    /// Valences of emoji and emoticons, for every language. Emoji are keyed without variation selectors.
    /// </summary>
    public static FrozenDictionary<string, double> Emoji { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["😡"] = -3.2, ["😠"] = -2.8, ["🤬"] = -3.5, ["😤"] = -2.2, ["😞"] = -2.0, ["😔"] = -1.8, ["😢"] = -2.0, ["😭"] = -2.6,
        ["🙁"] = -1.6, ["☹"] = -1.6, ["😟"] = -1.6, ["😩"] = -2.2, ["😫"] = -2.2, ["😒"] = -1.6, ["🙄"] = -1.6, ["👎"] = -2.2,
        ["💩"] = -2.4, ["😖"] = -2.0, ["😣"] = -1.8, ["💔"] = -2.4, ["😑"] = -0.8, ["😐"] = -0.4,
        ["🙂"] = 1.5, ["😊"] = 2.2, ["😀"] = 2.2, ["😃"] = 2.2, ["😄"] = 2.4, ["😁"] = 2.2, ["😍"] = 3.0, ["🥰"] = 3.0,
        ["❤"] = 3.0, ["💙"] = 2.6, ["💚"] = 2.6, ["👍"] = 2.0, ["👌"] = 1.6, ["🙏"] = 1.6, ["🎉"] = 2.6, ["🥳"] = 2.6,
        ["😉"] = 1.4, ["😎"] = 1.8, ["🤩"] = 3.0, ["⭐"] = 1.6, ["👏"] = 2.2, ["💯"] = 2.2,
        [":)"] = 1.6, [":-)"] = 1.6, [":))"] = 2.0, [":D"] = 2.2, [":-D"] = 2.2, [";)"] = 1.4, [";-)"] = 1.4, ["<3"] = 2.6,
        [":("] = -1.8, [":-("] = -1.8, [":(("] = -2.2, [":'("] = -2.2, [">:("] = -2.8, [":/"] = -1.0, [":-/"] = -1.0,
        [":|"] = -0.4, [":-|"] = -0.4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static SentimentLexicon Parse(string words, string negators, string boosters, string contrast)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rawLine in words.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var phrase = line[..space].Trim().ToLowerInvariant();
            map[phrase] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var boosterMap = new Dictionary<string, double>(StringComparer.Ordinal);
        var parts = boosters.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            boosterMap[parts[i]] = double.Parse(parts[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new SentimentLexicon(
            map.ToFrozenDictionary(StringComparer.Ordinal),
            negators.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal),
            boosterMap.ToFrozenDictionary(StringComparer.Ordinal),
            contrast.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal));
    }

    private static SentimentLexicon Merge(params SentimentLexicon[] lexicons)
    {
        var words = new Dictionary<string, double>(StringComparer.Ordinal);
        var boosters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var lexicon in lexicons)
        {
            foreach (var (key, value) in lexicon.Words)
            {
                words.TryAdd(key, value);
            }

            foreach (var (key, value) in lexicon.Boosters)
            {
                boosters.TryAdd(key, value);
            }
        }

        return new SentimentLexicon(
            words.ToFrozenDictionary(StringComparer.Ordinal),
            lexicons.SelectMany(l => l.Negators).ToFrozenSet(StringComparer.Ordinal),
            boosters.ToFrozenDictionary(StringComparer.Ordinal),
            lexicons.SelectMany(l => l.Contrast).ToFrozenSet(StringComparer.Ordinal));
    }
}
