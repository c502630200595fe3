using System.Collections.Frozen;

namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>Which words of a customer's sentence carry content, for the extractive summary.</summary>
internal static class SummaryWords
{
    // Greetings, courtesy, yes/no and function words in the supported languages (folded: no accents).
    private static readonly FrozenSet<string> Stop = """
        hi hello hey hiya yo good morning afternoon evening there thanks thank thx ty please pls plz ok okay yes yeah yep yup
        no nope sure bye goodbye cheers the and but for not you your are was were this that these those with have has had
        can could would should will just what when where which who how why its it's from they them their our ours mine
        about into onto then than also too very really some any all get got did does doing done been being here
        hola buenos buenas dias tardes noches gracias por favor que los las del con una uno para como pero
        bonjour bonsoir salut merci oui non les des une est pour avec dans mais vous nous
        hallo guten tag morgen abend danke bitte ja nein der die das und ist ich sie mit ein eine nicht
        ola oi bom boa dia tarde noite obrigado obrigada sim nao uma com para voce
        ciao buongiorno buonasera grazie prego per che non sono
        hoi goedemorgen goedemiddag dank bedankt graag een het van met niet
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many words of <paramref name="sentence"/> carry content: three letters or more, or any digit, and not a greeting or function word.</summary>
    public static int ContentWords(string sentence)
    {
        var count = 0;
        foreach (var word in SignalText.Fold(sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if ((word.Length >= 3 || word.Any(char.IsAsciiDigit)) && !Stop.Contains(word))
            {
                count++;
            }
        }

        return count;
    }
}
