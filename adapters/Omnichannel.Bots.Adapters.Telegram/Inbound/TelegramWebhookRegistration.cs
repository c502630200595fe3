using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// With <see cref="TelegramOptions.SetWebhookOnStart"/>: calls <c>setWebhook</c> once the host has started, with
/// <see cref="TelegramOptions.WebhookUrl"/>, the secret token and the update kinds the bot reads. A failure is logged
/// as an error (the host keeps running; Telegram keeps whatever webhook it had).
/// </summary>
internal sealed partial class TelegramWebhookRegistration : IHostedService
{
    private readonly TelegramApi _api;
    private readonly ILogger<TelegramWebhookRegistration> _logger;

    public TelegramWebhookRegistration(TelegramApi api, ILogger<TelegramWebhookRegistration> logger)
    {
        _api = api;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _api.Options;
        if (!options.Enabled || !options.SetWebhookOnStart || options.WebhookUrl is not { } url)
        {
            return;
        }

        try
        {
            await _api.Client().SetWebhook(
                url.AbsoluteUri,
                allowedUpdates: TelegramLongPolling.AllowedUpdates,
                secretToken: options.SecretToken,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            LogSet(_logger, url.GetLeftPart(UriPartial.Path));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            LogFailed(_logger, url.GetLeftPart(UriPartial.Path), ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Telegram webhook set to {Url}")]
    private static partial void LogSet(ILogger logger, string url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "setWebhook to {Url} failed; Telegram keeps its previous webhook: {Problem}")]
    private static partial void LogFailed(ILogger logger, string url, string problem);
}
