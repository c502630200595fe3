using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// <c>GET /api/channels/messenger/media/{fileId}?c=&amp;u=&amp;sig=</c>, the link on a customer's Messenger attachment
/// (<see cref="MessengerMediaLinks"/>). 401 without a signature, 404 when it does not cover the file id, <c>c</c> and
/// <c>u</c> (nothing is fetched). An attachment kept already (usually right after the webhook, by
/// <see cref="MessengerMediaDownloads"/>) is served from the store without calling Meta; otherwise it is downloaded now
/// from <c>u</c>: 413 over <see cref="MessengerOptions.MaxMediaBytes"/> or the conversation's quota (nothing kept), 502
/// when the CDN refuses (the URL expired) or does not answer. Served as <see cref="CustomerFileResponses"/> serves every
/// customer file.
/// </summary>
internal sealed class MessengerMediaEndpoint
{
    private readonly MessengerMediaKeeper _keeper;
    private readonly ICustomerFiles _files;

    public MessengerMediaEndpoint(MessengerMediaKeeper keeper, ICustomerFiles files)
    {
        _keeper = keeper;
        _files = files;
    }

    public async Task<IResult> GetAsync(HttpContext http, string fileId)
    {
        string? signature = http.Request.Query["sig"];
        if (string.IsNullOrEmpty(signature))
        {
            return Results.Text("The attachment link has no signature (sig).", statusCode: StatusCodes.Status401Unauthorized);
        }

        string? psid = http.Request.Query["c"];
        string? url = http.Request.Query["u"];
        if (string.IsNullOrEmpty(psid) || string.IsNullOrEmpty(url)
            || !HmacSignatureVerifier.SecretsMatch(MessengerMediaLinks.Signature(_files, fileId, psid, url), signature)
            || !Uri.TryCreate(url, UriKind.Absolute, out var cdnUrl))
        {
            return Results.Text("There is no such attachment, or the link's signature (over the file, c and u) is wrong.", statusCode: StatusCodes.Status404NotFound);
        }

        var kept = await _keeper.KeepAsync(new MessengerMedia(fileId, psid, cdnUrl), http.RequestAborted).ConfigureAwait(false);
        return kept switch
        {
            { File: { } file } => CustomerFileResponses.Serve(http, file),
            { TooLarge: true } => Results.Text(kept.Problem!, statusCode: StatusCodes.Status413PayloadTooLarge),
            _ => Results.Text(kept.Problem!, statusCode: StatusCodes.Status502BadGateway),
        };
    }
}
