using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>Telegram settings (configuration section <c>Channels:Telegram</c>); checked on start when <see cref="Enabled"/>.</summary>
public sealed partial class TelegramOptions : IValidatableObject
{
    public const string SectionName = "Channels:Telegram";

    /// <summary>The Bot API's own address.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.telegram.org");

    /// <summary>Telegram is off unless set to true (then nothing of it runs and nothing below is checked).</summary>
    public bool Enabled { get; set; }

    /// <summary>The token BotFather gave the bot: <c>&lt;bot id&gt;:&lt;secret&gt;</c>. The bot id is the conversations' account.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> with every webhook call (given to
    /// <c>setWebhook</c> as <c>secret_token</c>): 1–256 characters of A–Z, a–z, 0–9, <c>_</c> and <c>-</c>. Required for
    /// the webhook; a call without it gets 401.
    /// </summary>
    public string? SecretToken { get; set; }

    /// <summary>Where the Bot API is (tests and a local Bot API server point it elsewhere); only scheme, host and port are used.</summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// True: updates are fetched with <c>getUpdates</c> (development without a public URL) and the webhook endpoint is
    /// not mapped. False (default): Telegram posts them to <c>POST /api/channels/telegram</c>.
    /// </summary>
    public bool UseLongPolling { get; set; }

    /// <summary>How long one <c>getUpdates</c> call waits for updates (default 25 seconds, 1 to 50).</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// With <see cref="UseLongPolling"/>: when Telegram refuses <c>getUpdates</c> with 409 because a webhook is set,
    /// delete the webhook (<c>deleteWebhook</c>, pending updates kept) and go on polling. False (default): log an error
    /// saying so and try again every minute, so a production webhook is never removed by a developer's polling host.
    /// </summary>
    public bool DeleteWebhookForPolling { get; set; }

    /// <summary>The public https URL Telegram posts updates to (ending in <c>/api/channels/telegram</c>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Call <c>setWebhook</c> with <see cref="WebhookUrl"/> and <see cref="SecretToken"/> on start (default false: set it once by hand, see the adapter's README).</summary>
    public bool SetWebhookOnStart { get; set; }

    /// <summary>
    /// The bot's username (what BotFather shows after <c>t.me/</c>, with or without '@'): the <c>t.me</c> link of a link
    /// code ("continue on Telegram") opens the bot with it. Unset: customers asking to continue on Telegram are told it
    /// is not available.
    /// </summary>
    public string? BotUsername { get; set; }

    /// <summary>Answer in groups, supergroups and channels too (default false: only private chats; the rest are acknowledged and ignored).</summary>
    public bool AllowGroups { get; set; }

    /// <summary>The largest webhook body accepted, in bytes (default 1 MiB; a Bot API update is a few KB).</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Channels:Telegram:MaxBodyBytes must be between 1024 and 16777216 bytes.")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The bot's id: the token's part before ':' (valid after validation).</summary>
    public string BotId => BotToken is { } token && token.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? token[..colon] : string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(BotToken))
        {
            yield return Problem("Channels:Telegram:BotToken is required when Telegram is enabled: the token BotFather gave the bot (/newbot or /token).", nameof(BotToken));
        }
        else if (!TokenPattern().IsMatch(BotToken))
        {
            yield return Problem(
                "Channels:Telegram:BotToken is not a bot token: BotFather's tokens are the bot's id (digits), ':' and about 35 letters, digits, '_' or '-' (123456789:AAE...).",
                nameof(BotToken));
        }

        if (SecretToken is not null && !SecretPattern().IsMatch(SecretToken))
        {
            yield return Problem("Channels:Telegram:SecretToken must be 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-' (what setWebhook accepts as secret_token).", nameof(SecretToken));
        }
        else if (SecretToken is null && !UseLongPolling)
        {
            yield return Problem(
                "Channels:Telegram:SecretToken is required for the webhook (UseLongPolling is false): without it anyone could post updates. Generate 32 or more random characters of A-Z, a-z, 0-9, '_' and '-'.",
                nameof(SecretToken));
        }

        if (BotUsername is not null && !UsernamePattern().IsMatch(BotUsername))
        {
            yield return Problem("Channels:Telegram:BotUsername must be the bot's username: 5 to 32 letters, digits or '_', starting with a letter (acme_support_bot), '@' optional.", nameof(BotUsername));
        }

        if (ApiBaseUrl is null || !ApiBaseUrl.IsAbsoluteUri || (ApiBaseUrl.Scheme != Uri.UriSchemeHttps && ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return Problem("Channels:Telegram:ApiBaseUrl must be an absolute http(s) URL such as https://api.telegram.org.", nameof(ApiBaseUrl));
        }

        if (PollingTimeout < TimeSpan.FromSeconds(1) || PollingTimeout > TimeSpan.FromSeconds(50))
        {
            yield return Problem("Channels:Telegram:PollingTimeout must be between 1 and 50 seconds (for example 00:00:25).", nameof(PollingTimeout));
        }

        if (WebhookUrl is not null && (!WebhookUrl.IsAbsoluteUri || WebhookUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return Problem("Channels:Telegram:WebhookUrl must be an absolute https URL (Telegram posts only to https), such as https://bot.example.com/api/channels/telegram.", nameof(WebhookUrl));
        }

        if (SetWebhookOnStart && WebhookUrl is null)
        {
            yield return Problem("Channels:Telegram:SetWebhookOnStart needs Channels:Telegram:WebhookUrl, the public https URL of /api/channels/telegram.", nameof(WebhookUrl));
        }

        if (SetWebhookOnStart && UseLongPolling)
        {
            yield return Problem(
                "Channels:Telegram:SetWebhookOnStart and UseLongPolling exclude each other: Telegram refuses getUpdates while a webhook is set. Choose one.",
                nameof(SetWebhookOnStart));
        }
    }

    private static ValidationResult Problem(string message, string member) => new(message, [member]);

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{30,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();

    [GeneratedRegex("^@?[A-Za-z][A-Za-z0-9_]{4,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
