using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// WhatsApp's routes, mapped only when the channel is enabled: <c>GET|POST /api/channels/whatsapp</c>, Meta's webhook
/// (<see cref="MetaWebhook"/>: the handshake, <c>X-Hub-Signature-256</c> over the raw body, 413 over
/// <see cref="MetaChannelOptions.MaxBodyBytes"/>, object <c>whatsapp_business_account</c>, each entry to
/// <see cref="WhatsAppEntryReceiver"/>), and <c>GET /api/channels/whatsapp/media/{mediaId}</c>, customers' media
/// (<see cref="WhatsAppMediaEndpoint"/>).
/// </summary>
internal sealed class WhatsAppWebhookEndpoints : IBotEndpoints
{
    public const string Path = "/api/channels/whatsapp";
    public const string MediaPath = Path + "/media";
    public const string WebhookObject = "whatsapp_business_account";

    private readonly WhatsAppEntryReceiver _receiver;
    private readonly WhatsAppMediaEndpoint _media;
    private readonly IOptions<WhatsAppOptions> _options;
    private readonly ILogger<WhatsAppWebhookEndpoints> _logger;

    public WhatsAppWebhookEndpoints(WhatsAppEntryReceiver receiver, WhatsAppMediaEndpoint media, IOptions<WhatsAppOptions> options, ILogger<WhatsAppWebhookEndpoints> logger)
    {
        _receiver = receiver;
        _media = media;
        _options = options;
        _logger = logger;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (!_options.Value.Enabled)
        {
            return;
        }

        new MetaWebhook("WhatsApp", WebhookObject, () => _options.Value, _logger).Map(endpoints, Path, _receiver.ReceiveAsync);
        endpoints.MapGet(MediaPath + "/{mediaId:regex(^[A-Za-z0-9]{{1,64}}$)}", (Func<HttpContext, string, Task<IResult>>)_media.GetAsync);
    }
}
