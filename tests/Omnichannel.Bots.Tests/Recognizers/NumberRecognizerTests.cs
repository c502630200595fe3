using System.Globalization;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Tests.Recognizers;

public sealed class NumberRecognizerTests
{
    [Theory]
    [InlineData("0", "en-US", "0")]
    [InlineData("42", "en-US", "42")]
    [InlineData("  42  ", "en-US", "42")]
    [InlineData("-7", "en-US", "-7")]
    [InlineData("+7", "en-US", "7")]
    [InlineData("\u22127", "en-US", "-7")]
    [InlineData("3.5", "en-US", "3.5")]
    [InlineData(".5", "en-US", "0.5")]
    [InlineData("1,250", "en-US", "1250")]
    [InlineData("1,250.50", "en-US", "1250.50")]
    [InlineData("1,000,000", "en-US", "1000000")]
    [InlineData("1250.50", "en-US", "1250.50")]
    [InlineData("1.250,50", "de-DE", "1250.50")]
    [InlineData("1250,5", "de-DE", "1250.5")]
    [InlineData("1.000.000", "de-DE", "1000000")]
    [InlineData("1 250,50", "fr-FR", "1250.50")]
    [InlineData("1\u202F250,50", "fr-FR", "1250.50")]
    [InlineData("1,250.50", "en-GB", "1250.50")]
    [InlineData("5k", "en-US", "5000")]
    [InlineData("2.5K", "en-US", "2500")]
    [InlineData("3 thousand", "en-US", "3000")]
    [InlineData("1.5 million", "en-US", "1500000")]
    [InlineData("zero", "en-US", "0")]
    [InlineData("one", "en-US", "1")]
    [InlineData("Five", "en-US", "5")]
    [InlineData("twelve", "en-US", "12")]
    [InlineData("twenty", "en-US", "20")]
    [InlineData("twenty-one", "en-US", "21")]
    [InlineData("twenty one", "en-US", "21")]
    [InlineData("ninety-nine", "en-US", "99")]
    [InlineData("one hundred", "en-US", "100")]
    [InlineData("a hundred", "en-US", "100")]
    [InlineData("one hundred and five", "en-US", "105")]
    [InlineData("one hundred five", "en-US", "105")]
    [InlineData("three thousand", "en-US", "3000")]
    [InlineData("a thousand", "en-US", "1000")]
    [InlineData("one thousand and five", "en-US", "1005")]
    [InlineData("two thousand three hundred and forty-five", "en-US", "2345")]
    [InlineData("twelve hundred", "en-US", "1200")]
    [InlineData("one million two hundred thousand", "en-US", "1200000")]
    [InlineData("a dozen", "en-US", "12")]
    [InlineData("two dozen", "en-US", "24")]
    [InlineData("half a dozen", "en-US", "6")]
    [InlineData("two and a half", "en-US", "2.5")]
    [InlineData("three point five", "en-US", "3.5")]
    [InlineData("minus five", "en-US", "-5")]
    [InlineData("negative twenty", "en-US", "-20")]
    public void TryParse_Number_ReturnsValue(string text, string culture, string expected)
    {
        Assert.True(NumberRecognizer.TryParse(text, CultureInfo.GetCultureInfo(culture), out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null, "en-US")]
    [InlineData("", "en-US")]
    [InlineData("   ", "en-US")]
    [InlineData("12abc", "en-US")]
    [InlineData("abc123", "en-US")]
    [InlineData("1,2,3", "en-US")]
    [InlineData("12,34", "en-US")]
    [InlineData("1,2345", "en-US")]
    [InlineData("1.250,50", "en-US")]
    [InlineData("1,250.50", "de-DE")]
    [InlineData("1.5", "de-DE")]
    [InlineData("1.2.3", "en-US")]
    [InlineData("12.", "en-US")]
    [InlineData("--5", "en-US")]
    [InlineData("5 k", "en-US")]
    [InlineData("5m", "en-US")]
    [InlineData("2nd", "en-US")]
    [InlineData("one two", "en-US")]
    [InlineData("twenty thirty", "en-US")]
    [InlineData("hundred", "en-US")]
    [InlineData("thousand", "en-US")]
    [InlineData("a", "en-US")]
    [InlineData("and", "en-US")]
    [InlineData("one and", "en-US")]
    [InlineData("thousand thousand", "en-US")]
    [InlineData("one thousand one thousand", "en-US")]
    [InlineData("five apples", "en-US")]
    [InlineData("lots", "en-US")]
    [InlineData("three point", "en-US")]
    [InlineData("12345678901234567890123456789012345", "en-US")]
    public void TryParse_NotANumber_ReturnsFalse(string? text, string culture) =>
        Assert.False(NumberRecognizer.TryParse(text, CultureInfo.GetCultureInfo(culture), out _));

    [Theory]
    [InlineData("my order 12345 hasn't arrived", "12345", 9, 5)]
    [InlineData("23456, it arrived broken", "23456", 0, 5)]
    [InlineData("it's 34567.", "34567", 5, 5)]
    [InlineData("order #12345 please", "12345", 7, 5)]
    [InlineData("(12345)", "12345", 1, 5)]
    [InlineData("I paid $1,250.50 for it", "1250.50", 8, 8)]
    [InlineData("about 5k in total", "5000", 6, 2)]
    [InlineData("roughly 3 thousand", "3000", 8, 10)]
    [InlineData("it was -5 outside", "-5", 7, 2)]
    [InlineData("I want twenty-one of them", "21", 7, 10)]
    [InlineData("send two please", "2", 5, 3)]
    [InlineData("one hundred and five items", "105", 0, 20)]
    [InlineData("about a dozen", "12", 6, 7)]
    [InlineData("50% off", "50", 0, 2)]
    [InlineData("just one", "1", 5, 3)]
    [InlineData("one please", "1", 0, 3)]
    public void FindAll_OneNumberInText_ReturnsItWithSpan(string text, string expected, int start, int length)
    {
        var found = Assert.Single(NumberRecognizer.FindAll(text, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal(new Recognized<decimal>(decimal.Parse(expected, CultureInfo.InvariantCulture), start, length), found);
    }

    [Theory]
    [InlineData("abc123 is my code")]
    [InlineData("it's 12abc")]
    [InlineData("the 2nd one")]
    [InlineData("call me on +44 20 7946 0000")]
    [InlineData("call (650) 253-0000 after lunch")]
    [InlineData("call 650 253 0000")]
    [InlineData("call 650-253-0000")]
    [InlineData("on 3/14/2026")]
    [InlineData("at 10:30")]
    [InlineData("COVID-19 delays")]
    [InlineData("version v.2")]
    [InlineData("5kg of flour")]
    [InlineData("the one I ordered")]
    [InlineData("this one is broken")]
    [InlineData("the second one")]
    [InlineData("which one?")]
    [InlineData("no numbers here")]
    [InlineData("")]
    public void FindAll_NoStandaloneNumber_ReturnsNone(string text) =>
        Assert.Empty(NumberRecognizer.FindAll(text, CultureInfo.GetCultureInfo("en-US")));

    [Fact]
    public void FindAll_SeveralNumbers_ReturnsThemInOrder()
    {
        var found = NumberRecognizer.FindAll("pages 1, 2 and three of 12345", CultureInfo.GetCultureInfo("en-US"));
        Assert.Equal([1m, 2m, 3m, 12345m], found.Select(f => f.Value));
        Assert.Equal([6, 9, 15, 24], found.Select(f => f.Start));
    }

    [Fact]
    public void FindAll_GermanGrouping_ReadsOneNumber()
    {
        var found = Assert.Single(NumberRecognizer.FindAll("Es kostet 1.250,50 Euro", CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal(new Recognized<decimal>(1250.50m, 10, 8), found);
    }

    [Theory]
    [InlineData("first", 1)]
    [InlineData("First", 1)]
    [InlineData("second", 2)]
    [InlineData("the second one", 2)]
    [InlineData("The second one!", 2)]
    [InlineData("third", 3)]
    [InlineData("the third option", 3)]
    [InlineData("tenth", 10)]
    [InlineData("twelfth", 12)]
    [InlineData("twentieth", 20)]
    [InlineData("twenty-first", 21)]
    [InlineData("twenty first", 21)]
    [InlineData("1st", 1)]
    [InlineData("2nd", 2)]
    [InlineData("3rd", 3)]
    [InlineData("4th", 4)]
    [InlineData("11th", 11)]
    [InlineData("12th", 12)]
    [InlineData("13th", 13)]
    [InlineData("21st", 21)]
    [InlineData("22nd", 22)]
    [InlineData("the 2nd", 2)]
    [InlineData("2nd one", 2)]
    [InlineData("option two", 2)]
    [InlineData("number 3", 3)]
    [InlineData("choice four", 4)]
    public void TryParseOrdinal_Position_ReturnsIt(string text, int expected)
    {
        Assert.True(NumberRecognizer.TryParseOrdinal(text, out var position));
        Assert.Equal(expected, position);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("last")]
    [InlineData("one")]
    [InlineData("two")]
    [InlineData("2")]
    [InlineData("2th")]
    [InlineData("1nd")]
    [InlineData("11st")]
    [InlineData("0th")]
    [InlineData("the")]
    [InlineData("the one")]
    [InlineData("second hand")]
    [InlineData("first second")]
    [InlineData("option")]
    [InlineData("option zero")]
    [InlineData("option 100")]
    public void TryParseOrdinal_NotAPosition_ReturnsFalse(string? text) =>
        Assert.False(NumberRecognizer.TryParseOrdinal(text, out _));
}
