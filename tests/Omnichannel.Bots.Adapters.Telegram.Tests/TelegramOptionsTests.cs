using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

public sealed class TelegramOptionsTests
{
    private const string Token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0";

    [Fact]
    public void Validate_Disabled_ChecksNothing() =>
        Assert.Empty(Problems(new TelegramOptions { Enabled = false, BotToken = "nonsense", SecretToken = "!" }));

    [Fact]
    public void Validate_WebhookWithTokenAndSecret_IsValidAndTheAccountIsTheBotId()
    {
        var options = new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = "s3cret_-" };

        Assert.Empty(Problems(options));
        Assert.Equal("123456789", options.BotId);
    }

    [Theory]
    [InlineData(null, "BotToken is required")]
    [InlineData("123456789", "is not a bot token")]
    [InlineData("abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0", "is not a bot token")]
    [InlineData("123456789:short", "is not a bot token")]
    [InlineData("123456789:AAHdqTcvCH1vGWJx fSeofSAs0K5PALDsaw0", "is not a bot token")]
    public void Validate_BadToken_NamesTheKey(string? token, string expected)
    {
        var problems = Problems(new TelegramOptions { Enabled = true, BotToken = token, SecretToken = "secret" });

        Assert.Contains(problems, p => p.Contains("Channels:Telegram:BotToken", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public void Validate_BadSecretToken_NamesTheKey(string secret) =>
        Assert.Contains(Problems(new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = secret }), p => p.Contains("Channels:Telegram:SecretToken must be 1 to 256", StringComparison.Ordinal));

    [Fact]
    public void Validate_SecretTokenOf257Characters_IsRefused() =>
        Assert.NotEmpty(Problems(new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = new string('a', 257) }));

    [Fact]
    public void Validate_WebhookWithoutSecret_IsRefusedButPollingIsNot()
    {
        Assert.Contains(Problems(new TelegramOptions { Enabled = true, BotToken = Token }), p => p.Contains("SecretToken is required for the webhook", StringComparison.Ordinal));
        Assert.Empty(Problems(new TelegramOptions { Enabled = true, BotToken = Token, UseLongPolling = true }));
    }

    [Theory]
    [InlineData("http://bot.example.com/api/channels/telegram", false, "WebhookUrl must be an absolute https URL")]
    [InlineData(null, true, "SetWebhookOnStart needs Channels:Telegram:WebhookUrl")]
    public void Validate_WebhookUrl_MustBeHttpsWhenUsed(string? url, bool setOnStart, string expected)
    {
        var options = new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = "s", WebhookUrl = url is null ? null : new Uri(url), SetWebhookOnStart = setOnStart };

        Assert.Contains(Problems(options), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PollingAndSetWebhook_ExcludeEachOther() =>
        Assert.Contains(
            Problems(new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = "s", UseLongPolling = true, SetWebhookOnStart = true, WebhookUrl = new Uri("https://bot.example.com/api/channels/telegram") }),
            p => p.Contains("exclude each other", StringComparison.Ordinal));

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Validate_PollingTimeoutOutOfRange_IsRefused(int seconds) =>
        Assert.Contains(
            Problems(new TelegramOptions { Enabled = true, BotToken = Token, UseLongPolling = true, PollingTimeout = TimeSpan.FromSeconds(seconds) }),
            p => p.Contains("PollingTimeout", StringComparison.Ordinal));

    [Fact]
    public void Validate_RelativeApiBaseUrl_IsRefused() =>
        Assert.Contains(
            Problems(new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = "s", ApiBaseUrl = new Uri("/api", UriKind.Relative) }),
            p => p.Contains("ApiBaseUrl", StringComparison.Ordinal));

    [Fact]
    public void Validate_TinyBodyLimit_IsRefused() =>
        Assert.Contains(
            Problems(new TelegramOptions { Enabled = true, BotToken = Token, SecretToken = "s", MaxBodyBytes = 10 }),
            p => p.Contains("MaxBodyBytes", StringComparison.Ordinal));

    [Theory]
    [InlineData("acme_support_bot", true)]
    [InlineData("@acme_support_bot", true)]
    [InlineData("ab", false)]
    [InlineData("1acme_bot", false)]
    [InlineData("acme-bot", false)]
    public void Validate_BotUsername_MustBeAUsername(string username, bool valid)
    {
        var problems = Problems(new TelegramOptions { Enabled = true, BotToken = Token, UseLongPolling = true, BotUsername = username });

        Assert.Equal(valid, !problems.Any(p => p.StartsWith("Channels:Telegram:BotUsername must be the bot's username", StringComparison.Ordinal)));
    }

    private static List<string> Problems(TelegramOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
