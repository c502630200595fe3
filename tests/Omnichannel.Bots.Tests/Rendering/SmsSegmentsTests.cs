using System.Globalization;
using System.Text;
using Omnichannel.Bots.Rendering;
using Omnichannel.Bots.TestSupport;

namespace Omnichannel.Bots.Tests.Rendering;

/// <summary>Segment counting against the reference table <c>tests/data/sms-segments/segments.tsv</c> (source in tests/data/README.md).</summary>
public sealed class SmsSegmentsTests
{
    public static TheoryData<string, string, string, int, int> ReferenceRows()
    {
        var rows = new TheoryData<string, string, string, int, int>();
        foreach (var line in File.ReadAllLines(TestData.File("sms-segments", "segments.tsv"), Encoding.UTF8))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            rows.Add(cells[0], cells[1], cells[2], int.Parse(cells[3], CultureInfo.InvariantCulture), int.Parse(cells[4], CultureInfo.InvariantCulture));
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(ReferenceRows))]
    public void Count_ReferenceTable_MatchesEncodingUnitsAndSegments(string name, string pieces, string encoding, int units, int segments)
    {
        var counted = SmsSegments.Count(Build(pieces));

        Assert.True(
            counted == new SmsSegments(Enum.Parse<SmsEncoding>(encoding), segments, units),
            $"{name}: expected {encoding} {units} units in {segments} segments, counted {counted}.");
    }

    [Fact]
    public void ReferenceTable_CoversTheBoundaries()
    {
        var names = ReferenceRows().Select(row => (string)row[0]).ToList();

        Assert.Contains("gsm7-161", names);
        Assert.Contains("gsm7-307", names);
        Assert.Contains("ucs2-cyrillic-71", names);
        Assert.Contains("ucs2-cyrillic-135", names);
        Assert.Contains("ext-euro-past-single", names);
    }

    [Theory]
    [InlineData("Your order ships “today” – see you… soon", "Your order ships \"today\" - see you... soon")]
    [InlineData("It’s\u00A0ready • pick up at 5", "It's ready - pick up at 5")]
    [InlineData("Plain text stays", "Plain text stays")]
    public void ToGsm7_TypographicPunctuation_ReplacedWithTheSameMeaning(string text, string expected)
    {
        var replaced = SmsTypography.ToGsm7(text);

        Assert.Equal(expected, replaced);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count(replaced).Encoding);
    }

    [Theory]
    [InlineData("Заказ «готов» — спасибо")]
    [InlineData("Thanks! “See you” 😀")]
    [InlineData("Café in Zürich: ça va")]
    public void ToGsm7_TextThatNeedsUcs2Anyway_KeptAsWritten(string text)
    {
        Assert.Equal(text, SmsTypography.ToGsm7(text));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Count(text).Encoding);
    }

    /// <summary>"160:a 1:€" is 160 a's then a euro sign; a piece's character is literal, <c>\n</c>, <c>\r</c>, <c>\\</c> or <c>U+XXXX</c>.</summary>
    private static string Build(string pieces)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = piece.IndexOf(':', StringComparison.Ordinal);
            var count = int.Parse(piece[..colon], CultureInfo.InvariantCulture);
            var spec = piece[(colon + 1)..];
            var unit = spec switch
            {
                "\\n" => "\n",
                "\\r" => "\r",
                "\\\\" => "\\",
                _ when spec.StartsWith("U+", StringComparison.Ordinal) => char.ConvertFromUtf32(int.Parse(spec[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
                _ => spec,
            };
            text.Insert(text.Length, unit, count);
        }

        return text.ToString();
    }
}
