using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

public sealed class SmsOptionsTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    [Fact]
    public void Validate_Disabled_ChecksNothing() =>
        Assert.Empty(Problems(new SmsOptions { Enabled = false, AccountSid = "nonsense", FromNumber = "12" }));

    [Fact]
    public void Validate_AccountTokenAndNumber_IsValidWithTheDefaults()
    {
        var options = Valid();

        Assert.Empty(Problems(options));
        Assert.Equal(3, options.MaxSegments);
        Assert.Equal(SmsKeywordReplies.Twilio, options.KeywordReplies);
        Assert.Equal(new Uri("https://api.twilio.com"), options.ApiBaseUrl);
    }

    [Theory]
    [InlineData(null, "Channels:Sms:AccountSid is required")]
    [InlineData("AC0123", "Channels:Sms:AccountSid is not an account SID")]
    [InlineData("MG0123456789abcdef0123456789abcdef", "Channels:Sms:AccountSid is not an account SID")]
    [InlineData("AC0123456789abcdef0123456789abcdeg", "Channels:Sms:AccountSid is not an account SID")]
    public void Validate_BadAccountSid_NamesTheKey(string? sid, string expected) =>
        Assert.Contains(Problems(Valid(o => o.AccountSid = sid)), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Validate_NoAuthToken_NamesTheKey() =>
        Assert.Contains(Problems(Valid(o => o.AuthToken = " ")), p => p.Contains("Channels:Sms:AuthToken is required", StringComparison.Ordinal));

    [Theory]
    [InlineData("5017122661")]
    [InlineData("+1 501 712 2661")]
    [InlineData("+1234")]
    public void Validate_FromNumberNotE164_NamesTheKey(string number) =>
        Assert.Contains(Problems(Valid(o => o.FromNumber = number)), p => p.Contains("Channels:Sms:FromNumber must be a phone number in E.164", StringComparison.Ordinal));

    [Fact]
    public void Validate_NeitherNumberNorService_NamesBoth() =>
        Assert.Contains(
            Problems(Valid(o => o.FromNumber = null)),
            p => p.Contains("Channels:Sms:FromNumber or Channels:Sms:MessagingServiceSid is required", StringComparison.Ordinal));

    [Fact]
    public void Validate_MessagingServiceInsteadOfNumber_IsValidButABadSidIsNot()
    {
        Assert.Empty(Problems(Valid(o => (o.FromNumber, o.MessagingServiceSid) = (null, "MG0123456789abcdef0123456789abcdef"))));
        Assert.Contains(
            Problems(Valid(o => o.MessagingServiceSid = "MG12")),
            p => p.Contains("Channels:Sms:MessagingServiceSid is not a Messaging Service SID", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/relative", "Channels:Sms:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("ftp://bot.example.com", "Channels:Sms:PublicBaseUrl must be an absolute http(s) URL")]
    public void Validate_BadPublicBaseUrl_NamesTheKey(string url, string expected) =>
        Assert.Contains(Problems(Valid(o => o.PublicBaseUrl = new Uri(url, UriKind.RelativeOrAbsolute))), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Validate_BadApiBaseUrl_NamesTheKey() =>
        Assert.Contains(Problems(Valid(o => o.ApiBaseUrl = new Uri("/api", UriKind.Relative))), p => p.Contains("Channels:Sms:ApiBaseUrl", StringComparison.Ordinal));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Validate_MaxSegmentsOutOfRange_NamesTheKey(int segments) =>
        Assert.Contains(Problems(Valid(o => o.MaxSegments = segments)), p => p.Contains("Channels:Sms:MaxSegments must be between 1 and 10", StringComparison.Ordinal));

    [Fact]
    public void Validate_BotAnswersKeywordsWithoutHelpText_NamesTheKey()
    {
        Assert.Contains(Problems(Valid(o => o.KeywordReplies = SmsKeywordReplies.Bot)), p => p.Contains("Channels:Sms:HelpText is required", StringComparison.Ordinal));
        Assert.Empty(Problems(Valid(o => (o.KeywordReplies, o.HelpText) = (SmsKeywordReplies.Bot, "Acme support. Reply STOP to opt out."))));
        Assert.Contains(Problems(Valid(o => o.KeywordReplies = (SmsKeywordReplies)7)), p => p.Contains("Channels:Sms:KeywordReplies must be 'twilio' or 'bot'", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_KeywordRepliesInLowerCase_Binds()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Channels:Sms:KeywordReplies"] = "bot" })
            .Build();

        var options = new SmsOptions();
        configuration.GetSection(SmsOptions.SectionName).Bind(options);

        Assert.Equal(SmsKeywordReplies.Bot, options.KeywordReplies);
    }

    [Fact]
    public async Task Start_EnabledWithoutAccountSid_FailsNamingTheKey()
    {
        await using var api = await FakeTwilioApi.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SmsTestHost.StartAsync(api, ["Channels:Sms:AccountSid="]));

        Assert.Contains("Channels:Sms:AccountSid is required", error.Message, StringComparison.Ordinal);
    }

    private static SmsOptions Valid(Action<SmsOptions>? change = null)
    {
        var options = new SmsOptions { Enabled = true, AccountSid = AccountSid, AuthToken = "token", FromNumber = "+15017122661" };
        change?.Invoke(options);
        return options;
    }

    private static List<string> Problems(SmsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
