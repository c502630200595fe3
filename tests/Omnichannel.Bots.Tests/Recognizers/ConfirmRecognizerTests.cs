using System.Globalization;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Tests.Recognizers;

public sealed class ConfirmRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("YES!", true)]
    [InlineData("  yes.  ", true)]
    [InlineData("y", true)]
    [InlineData("Y", true)]
    [InlineData("yeah", true)]
    [InlineData("yea", true)]
    [InlineData("yep", true)]
    [InlineData("yup", true)]
    [InlineData("yesss", true)]
    [InlineData("sure", true)]
    [InlineData("sure thing", true)]
    [InlineData("of course", true)]
    [InlineData("ok", true)]
    [InlineData("OK", true)]
    [InlineData("okay", true)]
    [InlineData("k", true)]
    [InlineData("alright", true)]
    [InlineData("all right", true)]
    [InlineData("correct", true)]
    [InlineData("that's right", true)]
    [InlineData("That’s correct", true)]
    [InlineData("yes please", true)]
    [InlineData("Yes, please!", true)]
    [InlineData("yes thanks", true)]
    [InlineData("yes, that's right", true)]
    [InlineData("ok thank you", true)]
    [InlineData("absolutely", true)]
    [InlineData("definitely", true)]
    [InlineData("go ahead", true)]
    [InlineData("please do", true)]
    [InlineData("sounds good", true)]
    [InlineData("👍", true)]
    [InlineData("👍🏽", true)]
    [InlineData("✅", true)]
    [InlineData("✔️", true)]
    [InlineData("yes 👍", true)]
    [InlineData("no", false)]
    [InlineData("No.", false)]
    [InlineData("NO!", false)]
    [InlineData("n", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("noooo", false)]
    [InlineData("no thanks", false)]
    [InlineData("No, thank you.", false)]
    [InlineData("not really", false)]
    [InlineData("no, not really", false)]
    [InlineData("not at all", false)]
    [InlineData("no way", false)]
    [InlineData("that's wrong", false)]
    [InlineData("incorrect", false)]
    [InlineData("nothing else", false)]
    [InlineData("no that's all", false)]
    [InlineData("👎", false)]
    [InlineData("❌", false)]
    [InlineData("no 👎", false)]
    public void TryParse_EnglishAnswer_ReturnsValue(string text, bool expected)
    {
        Assert.True(ConfirmRecognizer.TryParse(text, CultureInfo.GetCultureInfo("en-US"), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("maybe")]
    [InlineData("perhaps")]
    [InlineData("yes and no")]
    [InlineData("yes no")]
    [InlineData("yes or no")]
    [InlineData("ok no")]
    [InlineData("not sure")]
    [InlineData("i don't know")]
    [InlineData("please")]
    [InlineData("thanks")]
    [InlineData("yesterday")]
    [InlineData("nobody")]
    [InlineData("know")]
    [InlineData("yes but only tomorrow")]
    [InlineData("👍👎")]
    [InlineData("🙂")]
    [InlineData("1")]
    public void TryParse_NotAnAnswer_ReturnsFalse(string? text) =>
        Assert.False(ConfirmRecognizer.TryParse(text, CultureInfo.GetCultureInfo("en-US"), out _));

    [Theory]
    [InlineData("sí", "es-ES", true)]
    [InlineData("no gracias", "es-ES", false)]
    [InlineData("oui", "fr-FR", true)]
    [InlineData("d'accord", "fr-FR", true)]
    [InlineData("non merci", "fr-FR", false)]
    [InlineData("ja", "de-DE", true)]
    [InlineData("nein danke", "de-DE", false)]
    [InlineData("yes", "de-DE", true)]
    public void TryParse_OtherLanguage_ReturnsValue(string text, string culture, bool expected)
    {
        Assert.True(ConfirmRecognizer.TryParse(text, CultureInfo.GetCultureInfo(culture), out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryParse_OtherLanguageWordInEnglishCulture_ReturnsFalse() =>
        Assert.False(ConfirmRecognizer.TryParse("oui", CultureInfo.GetCultureInfo("en-US"), out _));
}
