using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Creates the <see cref="TelegramBotClient"/> every call uses, on an <see cref="IHttpClientFactory"/> client (pooled
/// handlers, DNS changes picked up) and the configured <see cref="TelegramOptions.ApiBaseUrl"/>. The client never
/// retries on its own: a refused send goes back to the outbox, which retries at its pace and honours
/// <c>retry_after</c>.
/// </summary>
internal sealed class TelegramApi
{
    public const string HttpClientName = "Omnichannel.Bots.Telegram";

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<TelegramOptions> _options;

    public TelegramApi(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
    {
        _httpClients = httpClients;
        _options = options;
    }

    public TelegramOptions Options => _options.Value;

    /// <summary>A client for one or a few calls (cheap: the HTTP handler underneath is pooled by the factory).</summary>
    public ITelegramBotClient Client()
    {
        var options = _options.Value;
        var token = options.BotToken ?? throw new InvalidOperationException("Channels:Telegram:BotToken is not set.");
        var clientOptions = new TelegramBotClientOptions(token, options.ApiBaseUrl.GetLeftPart(UriPartial.Authority))
        {
            RetryCount = 0,
        };
        return new TelegramBotClient(clientOptions, _httpClients.CreateClient(HttpClientName));
    }
}
