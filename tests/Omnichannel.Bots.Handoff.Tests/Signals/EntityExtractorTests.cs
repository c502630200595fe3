using Omnichannel.Bots.Handoff.Signals;

namespace Omnichannel.Bots.Handoff.Tests.Signals;

public sealed class EntityExtractorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly EntityExtractor _extractor = new();

    // Expected: "kind=value|kind=value" in text order; "" for nothing.
    [Theory]
    [InlineData("12345", "order_number=12345")]
    [InlineData("my order is 12345", "order_number=12345")]
    [InlineData("order #12345 never arrived", "order_number=12345")]
    [InlineData("Order number A-1042, please", "order_number=A-1042")]
    [InlineData("it's #A1042", "order_number=A1042")]
    [InlineData("see ORD-2024-00017 for details", "order_number=ORD-2024-00017")]
    [InlineData("order 5551234", "order_number=5551234")]
    [InlineData("order no. 88123", "order_number=88123")]
    [InlineData("mi pedido 77123 no llegó", "order_number=77123")]
    [InlineData("Bestellnummer: 99812", "order_number=99812")]
    [InlineData("how can I cancel purchase 113542617735902?", "order_number=113542617735902")]
    [InlineData("Jane.Doe@Example.COM", "email=jane.doe@example.com")]
    [InlineData("write to jane@example.com.", "email=jane@example.com")]
    [InlineData("call me at (650) 253-0000", "phone=+16502530000")]
    [InlineData("my number is +44 20 7946 0958", "phone=+442079460958")]
    [InlineData("$120", "amount=120.00 USD")]
    [InlineData("I paid 120 USD", "amount=120.00 USD")]
    [InlineData("it cost €1.200,50", "amount=1200.50 EUR")]
    [InlineData("1,200.50 EUR", "amount=1200.50 EUR")]
    [InlineData("£40 for shipping", "amount=40.00 GBP")]
    [InlineData("40 pounds", "amount=40.00 GBP")]
    [InlineData("they took 120 dollars", "amount=120.00 USD")]
    [InlineData("paguei R$ 50", "amount=50.00 BRL")]
    [InlineData("12,5 €", "amount=12.50 EUR")]
    [InlineData("I want a refund of 250", "amount=250.00")]
    [InlineData("refund of $250 please", "amount=250.00 USD")]
    [InlineData("order #12345 for $120, email jane@example.com",
        "order_number=12345|amount=120.00 USD|email=jane@example.com")]
    [InlineData("order 12345 and again order #12345", "order_number=12345")]
    [InlineData("$120 and $120.00", "amount=120.00 USD")]
    [InlineData("order A-1042, phone (650) 253-0000", "order_number=A-1042|phone=+16502530000")]
    // Rejected: years, zip codes, quantities, bare numbers, hashtags, dates, short codes, decimals.
    [InlineData("I ordered it in 2024", "")]
    [InlineData("since January 2025", "")]
    [InlineData("ship to Springfield, IL 62704", "")]
    [InlineData("my zip is 90210", "")]
    [InlineData("I bought 3 items", "")]
    [InlineData("I paid 3 times", "")]
    [InlineData("it weighs 250", "")]
    [InlineData("#blackfriday deals", "")]
    [InlineData("order 2 items", "")]
    [InlineData("order 2024-05-01", "")]
    [InlineData("COVID-19 delays", "")]
    [InlineData("version 1.2.3", "")]
    [InlineData("call 555-1234", "")]
    [InlineData("50%", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Extract_Table_FindsExpectedEntities(string text, string expected)
    {
        var found = _extractor.Extract(text, At);

        Assert.Equal(expected, string.Join("|", found.Select(e => e.Kind + "=" + e.Value)));
        Assert.All(found, e => Assert.Equal(At, e.At));
    }

    [Fact]
    public void Extract_Null_ReturnsEmpty()
    {
        Assert.Empty(_extractor.Extract(null, At));
    }

    [Fact]
    public void Extract_KeepsTextAsTyped()
    {
        var found = _extractor.Extract("order #a-1042 costs €1.200,50", At);

        Assert.Equal([("A-1042", "#a-1042"), ("1200.50 EUR", "€1.200,50")], found.Select(e => (e.Value, e.Text)));
    }

    [Fact]
    public void Extract_EmailDigits_AreNotAPhoneOrOrder()
    {
        var found = _extractor.Extract("jane6502530000@example.com", At);

        Assert.Equal(EntityKinds.Email, Assert.Single(found).Kind);
    }

    [Fact]
    public void Extract_CustomPattern_ReplacesTheDefault()
    {
        var extractor = new EntityExtractor(@"\bSO-(?<id>\d{6})\b");

        var found = extractor.Extract("my order SO-123456, not #12345", At);

        Assert.Equal("123456", Assert.Single(found).Value);
    }

    [Fact]
    public void Extract_CustomPatternWithoutGroups_UsesTheWholeMatch()
    {
        var extractor = new EntityExtractor(@"\d{5}");

        var found = extractor.Extract("zip 90210", At);

        Assert.Equal("order_number=90210", string.Join("|", found.Select(e => e.Kind + "=" + e.Value)));
    }

    [Fact]
    public void Constructor_InvalidPattern_NamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EntityExtractor("order (\\d+"));

        Assert.Contains("Handoff:OrderNumberPattern", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownRegion_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EntityExtractor(defaultPhoneRegion: "XX"));

        Assert.Contains("XX", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GB", "call 020 7946 0958", "+442079460958")]
    [InlineData("DE", "Telefon 030 901820", "+4930901820")]
    public void Extract_PhoneRegion_ReadsNationalNumbers(string region, string text, string e164)
    {
        var found = new EntityExtractor(defaultPhoneRegion: region).Extract(text, At);

        Assert.Equal(e164, Assert.Single(found).Value);
    }

    [Fact]
    public void Extract_NoRegion_ReadsOnlyInternationalNumbers()
    {
        var extractor = new EntityExtractor(defaultPhoneRegion: null);

        Assert.Empty(extractor.Extract("call (650) 253-0000", At));
        Assert.Equal("+16502530000", Assert.Single(extractor.Extract("call +1 650 253 0000", At)).Value);
    }

    [Theory]
    [InlineData("120.50 EUR", 120.50, "EUR")]
    [InlineData("250.00", 250, "")]
    public void TryParseAmount_AmountEntity_ReadsValueAndCurrency(string value, double expected, string currency)
    {
        Assert.True(EntityExtractor.TryParseAmount(new PacketEntity(EntityKinds.Amount, value, value), out var amount, out var code));

        Assert.Equal((decimal)expected, amount);
        Assert.Equal(currency, code);
    }

    [Theory]
    [InlineData("order_number", "12345")]
    [InlineData("amount", "lots")]
    [InlineData("amount", "")]
    [InlineData("amount", "1 2 3")]
    public void TryParseAmount_NotAnAmount_ReturnsFalse(string kind, string value)
    {
        Assert.False(EntityExtractor.TryParseAmount(new PacketEntity(kind, value, value), out _, out _));
    }

    [Fact]
    public void Extract_OverlongId_IsNotAnOrderNumber()
    {
        var text = string.Concat(Enumerable.Repeat("order A-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1 ", 500));

        Assert.Empty(_extractor.Extract(text, At));
    }
}
