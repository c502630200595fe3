namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

public sealed class WordTokenizerTests
{
    private static List<string> Tokens(string text, ContractionHandling handling = ContractionHandling.Expand, params string[] known)
    {
        var tokens = new List<string>();
        WordTokenizer.Tokenize(text, handling, known.Length == 0 ? null : w => known.Contains(w.ToString()), ref tokens,
            static (scoped ReadOnlySpan<char> token, ref List<string> list) => list.Add(token.ToString()));
        return tokens;
    }

    [Fact]
    public void Tokenize_PunctuationAndCase_LowerCaseWordsAndNumbers()
    {
        Assert.Equal(["where", "is", "my", "card", "2", "weeks", "e", "mail", "café"], Tokens("Where IS my card?! (2 weeks) e-mail... Café"));
    }

    [Fact]
    public void Tokenize_Contractions_ExpandedToWords()
    {
        Assert.Equal(["i", "am", "sure", "i", "do", "not", "can", "not", "will", "not", "they", "are", "we", "have", "you", "will", "she", "would", "is", "not"],
            Tokens("I'm sure I don't can't won't they're we've you'll she'd isn't"));
    }

    [Fact]
    public void Tokenize_PossessiveAndCurlyApostrophe_SuffixDropped()
    {
        Assert.Equal(["my", "friend", "card", "what", "do", "not"], Tokens("my friend\u2019s card, what's don\u2019t"));
    }

    [Fact]
    public void Tokenize_OtherApostrophes_JoinedWhenKnownElseSplit()
    {
        Assert.Equal(["oclock", "o", "neil"], Tokens("o'clock o'neil", ContractionHandling.Expand, "oclock"));
    }

    [Fact]
    public void Tokenize_JoinMode_JoinsKnownForms()
    {
        Assert.Equal(["dont", "i", "m"], Tokens("don't I'm", ContractionHandling.Join, "dont"));
    }

    [Fact]
    public void Tokenize_SplitMode_SplitsAtApostrophe()
    {
        Assert.Equal(["don", "t"], Tokens("don't", ContractionHandling.Split));
    }

    [Fact]
    public void Tokenize_TrailingOrLeadingApostrophe_Ignored()
    {
        Assert.Equal(["cards", "quoted"], Tokens("cards' 'quoted'"));
    }

    [Fact]
    public void Tokenize_OverlongToken_Skipped()
    {
        Assert.Equal(["short", "end"], Tokens("short " + new string('x', WordTokenizer.MaxTokenLength + 1) + " end"));
        Assert.Equal(["x"], Tokens(new string('a', WordTokenizer.MaxTokenLength + 5) + "'x"));
    }

    [Fact]
    public void Tokenize_Empty_NoTokens()
    {
        Assert.Empty(Tokens(""));
        Assert.Empty(Tokens(" ?! -- "));
    }
}
