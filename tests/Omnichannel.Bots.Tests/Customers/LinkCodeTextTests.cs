using System.ComponentModel.DataAnnotations;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Tests.Customers;

/// <summary>
/// The link code's text (<see cref="LinkCodeText"/>): random codes in Crockford's alphabet, read from what customers
/// send (typed, prefilled, a Telegram start payload) and from nothing else; the phrases that ask for one; the settings.
/// </summary>
public sealed class LinkCodeTextTests
{
    [Fact]
    public void Generate_TenCrockfordCharactersWithADigitAndALetter_NeverTheSameTwice()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => LinkCodeText.Generate()).ToList();

        Assert.All(codes, code =>
        {
            Assert.Matches("^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$", code);
            Assert.Contains(code, char.IsAsciiDigit);
            Assert.Contains(code, char.IsAsciiLetter);
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every position uses the whole alphabet: no position is fixed, so the entropy is what the length promises.
        Assert.All(Enumerable.Range(0, 10), i => Assert.True(codes.Select(c => c[i]).Distinct().Count() > 25));
    }

    [Theory]
    [InlineData("7KQ2M-X9P4D", "7KQ2MX9P4D")]
    [InlineData("7kq2m-x9p4d", "7KQ2MX9P4D")]
    [InlineData("7KQ2MX9P4D", "7KQ2MX9P4D")]
    [InlineData("  7KQ2M X9P4D. ", "7KQ2MX9P4D")]
    [InlineData("LINK 7KQ2M-X9P4D", "7KQ2MX9P4D")]
    [InlineData("link code: 7kq2m-x9p4d", "7KQ2MX9P4D")]
    [InlineData("7KQ2M-X9P4o", "7KQ2MX9P40")]
    [InlineData("7KQ2M-X9P4l", "7KQ2MX9P41")]
    public void TryRead_ACodeTypedOrPrefilled_ReadsItNormalized(string text, string expected)
    {
        Assert.True(LinkCodeText.TryRead(Message(text), out var code));
        Assert.Equal(expected, code);
    }

    [Fact]
    public void TryRead_TelegramStartPayload_ReadsTheCode()
    {
        var message = Message("/start") with { DeepLinkPayload = "link_7KQ2MX9P4D" };

        Assert.True(LinkCodeText.TryRead(message, out var code));
        Assert.Equal("7KQ2MX9P4D", code);
    }

    [Theory]
    [InlineData("strawberry")]
    [InlineData("5551234567")]
    [InlineData("hello world")]
    [InlineData("my order is 7KQ2M-X9P4D and it is late")]
    [InlineData("7KQ2M-X9P4DX")]
    [InlineData("7KQ2U-X9P4D")]
    [InlineData("")]
    public void TryRead_AnOrdinaryMessage_IsNoCode(string text)
    {
        Assert.False(LinkCodeText.TryRead(Message(text), out _));
        Assert.False(LinkCodeText.TryRead(Message("/start") with { DeepLinkPayload = "order-4711" }, out _));
    }

    [Fact]
    public void FormatAndHash_ShownWithAHyphen_StoredAsSha256()
    {
        Assert.Equal("7KQ2M-X9P4D", LinkCodeText.Format("7KQ2MX9P4D"));
        Assert.Equal(64, LinkCodeText.Hash("7KQ2MX9P4D").Length);
        Assert.NotEqual(LinkCodeText.Hash("7KQ2MX9P4D"), LinkCodeText.Hash("7KQ2MX9P4E"));
    }

    [Theory]
    [InlineData("Can I continue on WhatsApp?", "whatsapp")]
    [InlineData("switch to telegram please", "telegram")]
    [InlineData("I'd rather continue by SMS", "sms")]
    [InlineData("carry on over there", "whatsapp")]
    [InlineData("what is whatsapp", null)]
    [InlineData("continue on whatsappish", null)]
    public void Phrases_DefaultsAndConfigured_FindTheChannel(string text, string? expected)
    {
        var options = new LinkCodeOptions();
        options.Phrases["whatsapp"] = ["continue on whatsapp", "carry on over there"];

        var phrases = new LinkCodePhrases(options, [ChannelId.WhatsApp, ChannelId.Telegram, ChannelId.Sms]);

        Assert.Equal(expected, phrases.Match(text)?.Value);
    }

    [Fact]
    public void Options_OutOfRange_NameTheKey()
    {
        var options = new LinkCodeOptions { Lifetime = TimeSpan.FromSeconds(10), WrongAttemptsPerSender = new RateLimit(0, TimeSpan.FromMinutes(1)) };
        options.Phrases["Not A Channel"] = ["x"];

        var problems = options.Validate(new ValidationContext(options)).Select(p => p.ErrorMessage).ToList();

        Assert.Contains(problems, p => p!.StartsWith("Identity:LinkCodes:Lifetime must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.StartsWith("Identity:LinkCodes:WrongAttemptsPerSender:PermitLimit must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.StartsWith("Identity:LinkCodes:Phrases:Not A Channel is not a channel id", StringComparison.Ordinal));
        var valid = new LinkCodeOptions();
        Assert.Empty(valid.Validate(new ValidationContext(valid)));
    }

    private static BotMessage Message(string text) => new()
    {
        Id = "m1",
        Channel = ChannelId.Sms,
        Conversation = new ConversationAddress("acct", "+15550001111"),
        Sender = new Participant("+15550001111"),
        Text = text,
        Timestamp = DateTimeOffset.UnixEpoch,
    };
}
