using System.Collections.Frozen;
using System.Globalization;

namespace Omnichannel.Bots.Recognizers;

/// <summary>The words and phrases <see cref="ConfirmRecognizer"/> knows, normalised (lower case, no apostrophes).</summary>
internal static class ConfirmPhrases
{
    public const int Yes = 1;
    public const int No = 2;
    public const int Filler = 3;

    private static readonly string[] EnglishYes =
    [
        "yes", "y", "ye", "yeah", "yea", "yeh", "ya", "yah", "yup", "yep", "yas", "sure", "sure thing", "of course", "ofc",
        "ok", "okay", "okey", "okie", "k", "kk", "alright", "all right", "correct", "right", "thats right", "that is right",
        "thats correct", "that is correct", "thats it", "exactly", "absolutely", "definitely", "certainly", "indeed",
        "affirmative", "go ahead", "please do", "do it", "yes it is", "it is", "yes i do", "i do", "sounds good",
        "fine", "perfect", "great", "cool", "true", "aye", "yessir", "you bet", "why not",
    ];

    private static readonly string[] EnglishNo =
    [
        "no", "n", "nope", "nah", "na", "naw", "nay", "no way", "not really", "not at all", "no it isnt", "no its not",
        "it isnt", "its not", "thats wrong", "that is wrong", "thats not right", "incorrect", "wrong", "false",
        "negative", "never", "no i dont", "i dont", "dont", "do not", "not now", "no need", "not needed", "nothing",
        "nothing else", "no thats all", "thats all",
    ];

    private static readonly string[] EnglishFiller =
    [
        "please", "pls", "plz", "thanks", "thank you", "thank u", "thx", "ty", "cheers", "mate", "sir", "maam", "oh", "well",
        "um", "uh", "then",
    ];

    private static readonly FrozenDictionary<string, (string[] Yes, string[] No)> OtherLanguages =
        new Dictionary<string, (string[] Yes, string[] No)>(StringComparer.Ordinal)
        {
            ["es"] = (["si", "sí", "claro", "vale", "de acuerdo", "correcto"], ["no", "no gracias", "para nada"]),
            ["fr"] = (["oui", "ouais", "daccord", "bien sûr", "exact"], ["non", "non merci", "pas du tout"]),
            ["de"] = (["ja", "jawohl", "genau", "klar", "richtig", "gerne"], ["nein", "nee", "nein danke", "falsch"]),
            ["pt"] = (["sim", "claro", "certo"], ["não", "nao", "não obrigado"]),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> English = Build(EnglishYes, EnglishNo);

    private static readonly FrozenDictionary<string, FrozenDictionary<string, int>> ByLanguage =
        OtherLanguages.ToFrozenDictionary(p => p.Key, p => Build([.. EnglishYes, .. p.Value.Yes], [.. EnglishNo, .. p.Value.No]), StringComparer.Ordinal);

    private static readonly FrozenSet<string> YesEmoji =
        new[] { "👍", "👌", "✅", "✔", "☑", "🆗", "🙆" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NoEmoji =
        new[] { "👎", "❌", "✖", "🚫", "🙅", "⛔" }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, int> For(CultureInfo culture) =>
        ByLanguage.TryGetValue(culture.TwoLetterISOLanguageName, out var phrases) ? phrases : English;

    /// <summary>Maps a yes or no emoji (any skin tone or presentation) to "yes" or "no".</summary>
    public static bool TryEmoji(string element, out string word)
    {
        var first = char.IsHighSurrogate(element[0]) && element.Length >= 2 ? element[..2] : element[..1];
        word = YesEmoji.Contains(first) ? "yes" : NoEmoji.Contains(first) ? "no" : string.Empty;
        return word.Length > 0;
    }

    private static FrozenDictionary<string, int> Build(string[] yes, string[] no)
    {
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var filler in EnglishFiller)
        {
            phrases[filler] = Filler;
        }

        foreach (var phrase in yes)
        {
            phrases[phrase] = Yes;
        }

        foreach (var phrase in no)
        {
            phrases[phrase] = No;
        }

        return phrases.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
