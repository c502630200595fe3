using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Webhooks;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// <c>POST /api/channels/telegram</c>, where Telegram posts updates (mapped only when Telegram is enabled and not
/// long polling). 401 without the configured <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in constant time, before
/// the body is read); 413 over <see cref="TelegramOptions.MaxBodyBytes"/>; 400 for a body that is not a Bot API
/// <c>Update</c>; 200 once the update is stored, or acknowledged and ignored (a group chat, a sticker). A storage
/// failure is a 500, so Telegram delivers the update again.
/// </summary>
internal sealed partial class TelegramWebhookEndpoints : IBotEndpoints
{
    public const string Path = "/api/channels/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly TelegramUpdateReceiver _receiver;
    private readonly IOptions<TelegramOptions> _options;
    private readonly ILogger<TelegramWebhookEndpoints> _logger;

    public TelegramWebhookEndpoints(TelegramUpdateReceiver receiver, IOptions<TelegramOptions> options, ILogger<TelegramWebhookEndpoints> logger)
    {
        _receiver = receiver;
        _options = options;
        _logger = logger;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var options = _options.Value;
        if (options.Enabled && !options.UseLongPolling)
        {
            endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        }
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var options = _options.Value;
        if (!HmacSignatureVerifier.SecretsMatch(options.SecretToken!, http.Request.Headers[SecretHeader].FirstOrDefault()))
        {
            LogBadSecret(_logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Results.Text($"The {SecretHeader} header is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var (document, problem) = await RequestBody.ReadJsonAsync(http.Request, options.MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return Results.Text(problem.Message, statusCode: problem.StatusCode);
        }

        if (document is null)
        {
            return Results.Text("The body is empty; Telegram posts one Update object.", statusCode: StatusCodes.Status400BadRequest);
        }

        Update update;
        using (document)
        {
            var (parsed, notAnUpdate) = ReadUpdate(document.RootElement);
            if (parsed is null)
            {
                LogNotAnUpdate(_logger, notAnUpdate!);
                return Results.Text(notAnUpdate!, statusCode: StatusCodes.Status400BadRequest);
            }

            update = parsed;
        }

        try
        {
            await _receiver.ReceiveAsync(update, http.RequestAborted).ConfigureAwait(false);
        }
        catch (InboundMessageRejectedException ex)
        {
            return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok();
    }

    /// <summary>The body as a Bot API <c>Update</c> (an object with a positive integer <c>update_id</c>), or why it is not one.</summary>
    internal static (Update? Update, string? Problem) ReadUpdate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "The body must be a Bot API Update object.");
        }

        if (!root.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var updateId) || updateId < 0)
        {
            return (null, "The body is not a Bot API Update: update_id (a non-negative integer) is missing.");
        }

        try
        {
            return (root.Deserialize<Update>(JsonBotAPI.Options), null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return (null, $"The body is not a Bot API Update: {ex.Message}");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a Telegram webhook call from {Remote}: the secret token header is missing or wrong")]
    private static partial void LogBadSecret(ILogger logger, string remote);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refused a Telegram webhook body: {Problem}")]
    private static partial void LogNotAnUpdate(ILogger logger, string problem);
}
