using Omnichannel.Bots.Handoff.Signals;

namespace Omnichannel.Bots.Handoff.Tests.Signals;

public sealed class LexiconSentimentScorerTests
{
    private readonly LexiconSentimentScorer _scorer = new();

    // Expected: "--" below -0.5, "-" below -0.2, "0" within ±0.2, "+" above 0.2, "++" above 0.5.
    [Theory]
    [InlineData("This is terrible", "en", "--")]
    [InlineData("your app is useless", "en", "-")]
    [InlineData("This is ridiculous, I want a refund now", "en", "--")]
    [InlineData("this is a scam", "en", "-")]
    [InlineData("I am so angry", "en", "--")]
    [InlineData("still waiting for my package", "en", "-")]
    [InlineData("my parcel never arrived", "en", "-")]
    [InlineData("the app isn't working", "en", "-")]
    [InlineData("it doesn't work at all", "en", "-")]
    [InlineData("not good", "en", "-")]
    [InlineData("the service was not helpful", "en", "-")]
    [InlineData("worst customer service ever", "en", "--")]
    [InlineData("I was charged twice and nobody helps", "en", "--")]
    [InlineData("USELESS", "en", "--")]
    [InlineData("you people are incompetent!!!", "en", "--")]
    [InlineData("😡😡", "en", "--")]
    [InlineData("where is my order :(", "en", "-")]
    [InlineData("thanks", "en", "+")]
    [InlineData("thank you so much, that was really helpful", "en", "++")]
    [InlineData("great, it works now", "en", "++")]
    [InlineData("perfect!", "en", "++")]
    [InlineData("not bad at all", "en", "+")]
    [InlineData("no problem", "en", "+")]
    [InlineData("👍", "en", "+")]
    [InlineData("awesome :)", "en", "++")]
    [InlineData("where is my order", "en", "0")]
    [InlineData("where is my order?", "en", "0")]
    [InlineData("how do I change my shipping address", "en", "0")]
    [InlineData("my order number is 12345", "en", "0")]
    [InlineData("can I pay with PayPal", "en", "0")]
    [InlineData("I want to cancel my subscription", "en", "0")]
    [InlineData("the product was great but delivery was terrible", "en", "-")]
    [InlineData("esto es una estafa", "es", "-")]
    [InlineData("el pedido nunca llegó, estoy harto", "es", "--")]
    [InlineData("no funciona", "es", "-")]
    [InlineData("muchas gracias, excelente servicio", "es", "++")]
    [InlineData("¿dónde está mi pedido?", "es", "0")]
    [InlineData("c'est nul, je suis très déçu", "fr", "--")]
    [InlineData("ce n'est pas bon", "fr", "-")]
    [InlineData("merci beaucoup, parfait", "fr", "++")]
    [InlineData("das ist eine Frechheit, ich bin sehr enttäuscht", "de", "--")]
    [InlineData("nicht gut", "de", "-")]
    [InlineData("vielen Dank, super Service", "de", "++")]
    [InlineData("péssimo atendimento, nunca chegou", "pt", "--")]
    [InlineData("muito obrigado, ótimo", "pt", "++")]
    [InlineData("this is terrible", null, "--")]
    [InlineData("merci beaucoup", null, "+")]
    [InlineData("pésimo servicio", "it", "-")]
    [InlineData("the app is useless", "de", "-")]
    public void Score_Table_HasExpectedSign(string text, string? locale, string expected)
    {
        var score = _scorer.Score(text, locale);

        Assert.NotNull(score);
        var value = score.Value;
        Assert.InRange(value, -1, 1);
        switch (expected)
        {
            case "--": Assert.True(value < -0.5, $"'{text}' scored {value}, expected below -0.5"); break;
            case "-": Assert.True(value < -0.2, $"'{text}' scored {value}, expected below -0.2"); break;
            case "0": Assert.True(Math.Abs(value) <= 0.2, $"'{text}' scored {value}, expected about 0"); break;
            case "+": Assert.True(value > 0.2, $"'{text}' scored {value}, expected above 0.2"); break;
            case "++": Assert.True(value > 0.5, $"'{text}' scored {value}, expected above 0.5"); break;
            default: throw new ArgumentOutOfRangeException(nameof(expected), expected, "unknown expectation");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?")]
    [InlineData("!!!")]
    [InlineData("12345")]
    [InlineData("#1042 $120 :-")]
    public void Score_NoWords_ReturnsNull(string? text)
    {
        Assert.Null(_scorer.Score(text, "en"));
    }

    [Theory]
    [InlineData("bad", "very bad")]
    [InlineData("bad", "BAD")]
    [InlineData("bad", "bad!!!")]
    [InlineData("slow", "extremely slow")]
    public void Score_Emphasis_MakesMoreNegative(string plain, string emphasized)
    {
        Assert.True(_scorer.Score(emphasized, "en") < _scorer.Score(plain, "en"));
    }

    [Fact]
    public void Score_Negation_FlipsSign()
    {
        Assert.True(_scorer.Score("helpful", "en") > 0);
        Assert.True(_scorer.Score("not helpful", "en") < 0);
        Assert.True(_scorer.Score("bad", "en") < 0);
        Assert.True(_scorer.Score("not bad", "en") > 0);
    }

    [Fact]
    public void Score_ContrastWord_WeighsTheSecondClauseMore()
    {
        var score = _scorer.Score("delivery was terrible but the support was great", "en");

        Assert.True(score > 0, $"scored {score}");
    }

    [Fact]
    public void Score_LocaleWithoutHits_FallsBackToEveryLexicon()
    {
        // A French message under an English locale still scores.
        Assert.True(_scorer.Score("c'est une arnaque", "en-US") < -0.2);
    }

    [Fact]
    public void Score_SameInput_SameResult()
    {
        const string Text = "I've been waiting forever, this is unacceptable!!";

        Assert.Equal(_scorer.Score(Text, "en"), new LexiconSentimentScorer().Score(Text, "en"));
    }

    [Fact]
    public void Score_VeryLongText_StaysInRange()
    {
        var text = string.Concat(Enumerable.Repeat("terrible awful useless ", 2_000));

        var score = _scorer.Score(text, "en");

        Assert.NotNull(score);
        Assert.InRange(score.Value, -1, -0.9);
    }
}
