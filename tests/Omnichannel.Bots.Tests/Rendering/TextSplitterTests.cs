using System.Text;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Tests.Rendering;

public sealed class TextSplitterTests
{
    [Fact]
    public void Split_TextWithinLimit_ReturnsTrimmedText() =>
        Assert.Equal(["Hello world"], TextSplitter.Split("  Hello world \n", 50));

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Split_BlankText_ReturnsNoParts(string text) => Assert.Empty(TextSplitter.Split(text, 10));

    [Fact]
    public void Split_ParagraphBreakInWindow_PrefersItOverLaterSentenceEnd() =>
        Assert.Equal(
            ["Alpha beta.", "Gamma delta. Epsilon zeta."],
            TextSplitter.Split("Alpha beta.\n\nGamma delta. Epsilon zeta.", 30));

    [Fact]
    public void Split_LineBreakInWindow_PrefersItOverLaterSentenceEnd() =>
        Assert.Equal(
            ["Alpha beta", "Gamma.", "Delta epsilon zeta"],
            TextSplitter.Split("Alpha beta\nGamma. Delta epsilon zeta", 20));

    [Fact]
    public void Split_SentenceEndInWindow_PrefersItOverLaterSpace() =>
        Assert.Equal(
            ["One two three.", "Four five six seven"],
            TextSplitter.Split("One two three. Four five six seven", 25));

    [Theory]
    [InlineData("Done! Four five six seven", "Done!")]
    [InlineData("Really? Four five six seven", "Really?")]
    [InlineData("Wait… Four five six seven", "Wait…")]
    [InlineData("Well... Four five six seven", "Well...")]
    [InlineData("He said \"Stop.\" Four five six", "He said \"Stop.\"")]
    [InlineData("(As agreed.) Four five six seven", "(As agreed.)")]
    public void Split_SentenceEndPunctuation_EndsThePart(string text, string firstPart) =>
        Assert.Equal(firstPart, TextSplitter.Split(text, text.IndexOf(" six", StringComparison.Ordinal) + 1)[0]);

    [Fact]
    public void Split_NoSentenceEnd_BreaksAtLastSpace() =>
        Assert.Equal(["alpha beta", "gamma delta"], TextSplitter.Split("alpha beta gamma delta", 12));

    [Fact]
    public void Split_WordLongerThanLimit_IsHardCut() =>
        Assert.Equal(["abcd", "efgh", "ij"], TextSplitter.Split("abcdefghij", 4));

    [Fact]
    public void Split_HardCutAtSurrogatePair_KeepsThePairTogether() =>
        Assert.Equal(["ab", "😀c", "d"], TextSplitter.Split("ab😀cd", 3));

    [Fact]
    public void Split_EmojiOnlyAtMinimumLength_GivesOneEmojiPerPart() =>
        Assert.Equal(["😀", "😀", "😀"], TextSplitter.Split("😀😀😀", 2));

    [Fact]
    public void Split_GraphemeLongerThanLimit_NeverCutsASurrogatePair()
    {
        const string family = "👨‍👩‍👧‍👦";

        var parts = TextSplitter.Split(family + family, 5);

        Assert.All(parts, part => AssertWholeSurrogatePairs(part));
        Assert.Equal(family + family, string.Concat(parts));
    }

    [Theory]
    [InlineData("e.g.")]
    [InlineData("i.e.")]
    [InlineData("etc.")]
    [InlineData("Mr.")]
    [InlineData("Mrs.")]
    [InlineData("Dr.")]
    [InlineData("St.")]
    [InlineData("vs.")]
    [InlineData("No.")]
    [InlineData("approx.")]
    [InlineData("U.S.")]
    public void Split_AfterAbbreviation_DoesNotTreatTheDotAsSentenceEnd(string abbreviation)
    {
        var text = $"Ask {abbreviation} Smith today";
        var limit = text.IndexOf(" today", StringComparison.Ordinal);

        Assert.Equal([$"Ask {abbreviation} Smith", "today"], TextSplitter.Split(text, limit));
    }

    [Fact]
    public void Split_AfterOrdinaryWord_TreatsTheDotAsSentenceEnd() =>
        Assert.Equal(["Ask Bob.", "Smith today"], TextSplitter.Split("Ask Bob. Smith today", 14));

    [Fact]
    public void Split_Decimals_StayWhole() =>
        Assert.Equal(["Pay 3.5 or 4.25 now.", "Thanks"], TextSplitter.Split("Pay 3.5 or 4.25 now. Thanks", 22));

    [Fact]
    public void Split_UrlWithDots_IsNotCutAtItsDots()
    {
        const string url = "https://shop.test/help/returns.html?lang=en.gb&x=1.5";
        var text = $"Visit {url}. Then reply";

        Assert.Equal([$"Visit {url}.", "Then reply"], TextSplitter.Split(text, text.Length - 2));
    }

    [Fact]
    public void Split_UrlThatFitsAlone_IsKeptInOnePart()
    {
        const string url = "https://shop.test/orders/12345/tracking";

        var parts = TextSplitter.Split($"Open {url} now", url.Length);

        Assert.Equal(["Open", url, "now"], parts);
    }

    [Fact]
    public void Split_NoBreakSpace_KeepsItsNeighboursTogether() =>
        Assert.Equal(["a b", "10\u00A0kg"], TextSplitter.Split("a b 10\u00A0kg", 7));

    [Fact]
    public void Split_CrLfLineEndings_AreLineBreaks() =>
        Assert.Equal(["first line", "second. line"], TextSplitter.Split("first line\r\nsecond. line", 14));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Split_RandomProse_EveryPartFitsAndWordsAreKeptInOrder(int seed)
    {
        var random = new Random(seed);
        var text = RandomProse(random, 20_000);

        foreach (var limit in new[] { 30, 40, 160, 1600 })
        {
            var parts = TextSplitter.Split(text, limit);

            Assert.All(parts, part => AssertWellFormedPart(part, limit));
            Assert.Equal(Words(text), Words(string.Join(" ", parts)));
        }
    }

    [Fact]
    public void Split_64KilobyteInput_FitsTheLimitAndKeepsEveryWord()
    {
        var text = RandomProse(new Random(64), 64 * 1024);

        var parts = TextSplitter.Split(text, 1600);

        Assert.True(text.Length >= 64 * 1024);
        Assert.InRange(parts.Count, text.Length / 1600, text.Length / 800);
        Assert.All(parts, part => AssertWellFormedPart(part, 1600));
        Assert.Equal(Words(text), Words(string.Join(" ", parts)));
    }

    [Fact]
    public void Split_64KilobyteWordWithoutSpaces_IsHardCutIntoFullParts()
    {
        var text = string.Concat(Enumerable.Repeat("ab😀", 16 * 1024));

        var parts = TextSplitter.Split(text, 1600);

        Assert.All(parts, part => AssertWellFormedPart(part, 1600));
        Assert.All(parts.SkipLast(1), part => Assert.InRange(part.Length, 1599, 1600));
        Assert.Equal(text, string.Concat(parts));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Split_LimitBelowTwo_Throws(int maxLength) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSplitter.Split("text", maxLength));

    private static string RandomProse(Random random, int length)
    {
        string[] words = ["order", "parcel", "refund", "e.g.", "3.5", "U.S.", "we'll", "naïve", "😀", "https://shop.test/a_b.c?x=1", "Dr.", "delivery"];
        string[] ends = [".", "!", "?", "…", ".\"", ""];
        var text = new StringBuilder(length + 100);
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]);
            var roll = random.Next(100);
            text.Append(roll switch
            {
                < 8 => ends[random.Next(ends.Length)] + " ",
                < 10 => ".\n",
                < 11 => ".\n\n",
                _ => " ",
            });
        }

        return text.ToString();
    }

    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static void AssertWellFormedPart(string part, int limit)
    {
        Assert.InRange(part.Length, 1, limit);
        Assert.Equal(part.Trim(), part);
        AssertWholeSurrogatePairs(part);
    }

    private static void AssertWholeSurrogatePairs(string part)
    {
        Assert.False(char.IsLowSurrogate(part[0]), "A part starts with the second half of a surrogate pair.");
        Assert.False(char.IsHighSurrogate(part[^1]), "A part ends with the first half of a surrogate pair.");
    }
}
