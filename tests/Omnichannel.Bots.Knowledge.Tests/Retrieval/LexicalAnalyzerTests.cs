using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

public sealed class LexicalAnalyzerTests
{
    [Fact]
    public void TermId_KnownTerms_IsFnv1aOfPrefixedUtf8()
    {
        // Computed independently: FNV-1a 32-bit of the UTF-8 bytes of "w:card", "c:_ca", "b:my card".
        Assert.Equal(4100777594u, LexicalAnalyzer.TermId(LexicalTermKind.Word, "card"));
        Assert.Equal(4215894313u, LexicalAnalyzer.TermId(LexicalTermKind.CharacterNGram, "_ca"));
        Assert.Equal(1358992227u, LexicalAnalyzer.TermId(LexicalTermKind.Bigram, "my card"));
    }

    [Fact]
    public void Words_AccentsCaseAndApostrophes_AreNormalised()
    {
        Assert.Equal(["dont", "cafe", "deja", "vu", "42"], LexicalAnalyzer.Words("Don't CAFÉ: déjà-vu 42!"));
    }

    [Fact]
    public void Analyze_TwoWords_WordsBigramAndCharacterNGramsWithFrequencies()
    {
        var terms = LexicalAnalyzer.Default.Analyze("card card");

        // "_card_" has 4 trigrams, 3 four-grams and 2 five-grams; each occurs twice. Plus the word and the bigram.
        Assert.Equal(2, terms.WordCount);
        Assert.Equal(1 + 1 + 9, terms.Count);
        Assert.Equal(2f, terms.Frequencies[IndexOf(terms, LexicalTermKind.Word, "card")]);
        Assert.Equal(1f, terms.Frequencies[IndexOf(terms, LexicalTermKind.Bigram, "card card")]);
        Assert.Equal(2f, terms.Frequencies[IndexOf(terms, LexicalTermKind.CharacterNGram, "_card")]);
        Assert.True(terms.Ids.SequenceEqual(terms.Ids.Order()));
    }

    [Fact]
    public void Analyze_NoLettersOrDigits_Empty()
    {
        Assert.Equal(0, LexicalAnalyzer.Default.Analyze(" ?! -- ").Count);
    }

    private static int IndexOf(LexicalTerms terms, LexicalTermKind kind, string term)
    {
        var index = terms.Ids.ToList().IndexOf(LexicalAnalyzer.TermId(kind, term));
        Assert.True(index >= 0, $"{kind} '{term}' missing");
        Assert.Equal(kind, terms.Kinds[index]);
        return index;
    }
}
