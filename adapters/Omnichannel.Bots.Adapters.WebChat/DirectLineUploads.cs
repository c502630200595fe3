using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Direct Line uploads (<c>POST .../conversations/{id}/upload</c>: files with an optional activity part, checked against
/// the size limit and the message validated before anything is written, kept in the host's <see cref="ICustomerFiles"/>
/// against the conversation's quota) and the signed links that serve them (<c>GET /v3/directline/files/{id}</c>).
/// </summary>
internal sealed class DirectLineUploads
{
    private readonly DirectLineAuthorizer _authorizer;
    private readonly WebChatSubmissions _submissions;
    private readonly ICustomerFiles _files;
    private readonly DirectLineSecret _secret;
    private readonly string _earlierUploads;
    private readonly WebChatOptions _options;
    private readonly LimitsOptions _limits;

    public DirectLineUploads(
        DirectLineAuthorizer authorizer,
        WebChatSubmissions submissions,
        ICustomerFiles files,
        DirectLineSecret secret,
        BotDataDirectory dataDirectory,
        IOptions<WebChatOptions> options,
        IOptions<LimitsOptions> limits)
    {
        _authorizer = authorizer;
        _submissions = submissions;
        _files = files;
        _secret = secret;
        _earlierUploads = Path.Combine(dataDirectory.Path, CustomerFileStore.WebChatFolderName);
        _options = options.Value;
        _limits = limits.Value;
    }

    public async Task<IResult> UploadAsync(string conversationId, HttpContext http)
    {
        var (token, error) = await _authorizer.AuthorizeAsync(http.Request, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!http.Request.HasFormContentType)
        {
            return DirectLineResults.BadArgument("An upload is multipart/form-data: one part per file, and optionally an 'activity' part with the message.");
        }

        if (http.Request.ContentLength > _options.MaxUploadBytes)
        {
            return DirectLineResults.TooLarge($"Uploads are limited to {_options.MaxUploadBytes} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _options.MaxUploadBytes + (64 * 1024);
        }

        IFormCollection form;
        try
        {
            var formOptions = new FormOptions { MultipartBodyLengthLimit = _options.MaxUploadBytes, ValueCountLimit = 32 };
            form = await http.Request.ReadFormAsync(formOptions, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return DirectLineResults.TooLarge($"The upload could not be read, or is over {_options.MaxUploadBytes} bytes: {ex.Message}");
        }

        var activityPart = form.Files.FirstOrDefault(f => f.Name == "activity");
        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count == 0 || files.Count > InboundMessageValidator.MaxAttachments)
        {
            return DirectLineResults.BadArgument($"An upload carries 1 to {InboundMessageValidator.MaxAttachments} files.");
        }

        var activity = new UserActivity("message", null, null, null, null, null, []);
        if (activityPart is not null)
        {
            if (activityPart.Length > UserActivity.MaxBodyBytes)
            {
                return DirectLineResults.TooLarge($"The activity part is over {UserActivity.MaxBodyBytes} bytes.");
            }

            using var stream = activityPart.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            var (document, refused) = RequestBody.ParseJson(buffer.ToArray(), http.Request);
            if (refused is not null)
            {
                return DirectLineResults.Refused(refused);
            }

            using var scope = document;
            var (parsed, problems) = UserActivity.Parse(document, filesFollow: true);
            if (parsed is null)
            {
                return DirectLineResults.BadArgument(problems);
            }

            activity = parsed;
        }

        // The message is validated before anything is written; then each file is saved against the conversation's quota
        // (a refusal or failure removes the ones already saved), so a refused upload leaves no file behind.
        var planned = files.Select(file => (File: file, Id: _files.NewId(), ContentType: UploadedContentType(file), Name: Path.GetFileName(file.FileName))).ToList();
        var attachments = planned.Select(p => new Attachment(
            p.ContentType,
            new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/files/{p.Id}?sig={_files.Sign(p.Id)}"),
            p.Name)).ToList();
        var saved = new List<string>();
        async Task<IResult?> SaveAllAsync(CancellationToken cancellationToken)
        {
            foreach (var (file, id, contentType, name) in planned)
            {
                var content = file.OpenReadStream();
                await using var contentScope = content.ConfigureAwait(false);
                var save = await _files.SaveAsync(id, conversationId, content, contentType, name, _options.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
                if (save.Refusal is { } refusal)
                {
                    DeleteAll(saved);
                    return DirectLineResults.QuotaExceeded(refusal + " Older uploads are deleted after " + _limits.UploadRetention + ".");
                }

                saved.Add(id);
            }

            return null;
        }

        try
        {
            return await _submissions.SubmitAsync(conversationId, token!.User, activity, attachments, http.RequestAborted, SaveAllAsync).ConfigureAwait(false);
        }
        catch
        {
            DeleteAll(saved);
            throw;
        }
    }

    private void DeleteAll(List<string> saved)
    {
        saved.ForEach(id => _files.Delete(id));
        saved.Clear();
    }

    private static string UploadedContentType(IFormFile file) =>
        MediaTypeHeaderValue.TryParse(file.ContentType, out var parsedType) && parsedType.MediaType.HasValue
            ? parsedType.MediaType.Value!
            : "application/octet-stream";

    public IResult GetFile(string fileId, HttpContext http)
    {
        string? signature = http.Request.Query["sig"];
        if ((_files.Find(fileId, signature) ?? FoundByEarlierLink(fileId, signature)) is not { } found)
        {
            return DirectLineResults.NotFound("There is no such file, or the link is not signed.");
        }

        return CustomerFileResponses.Serve(http, found, downloadContentType: "application/octet-stream");
    }

    /// <summary>
    /// An upload saved before web chat used the customer file store (still in its old folder), by a link signed as web
    /// chat signed them then (with a key derived from the Direct Line secret): those links keep working until the
    /// retention sweep deletes the file. Newer files are reachable only by the store's own signature.
    /// </summary>
    private CustomerFile? FoundByEarlierLink(string fileId, string? signature) =>
        signature is not null
        && _files.Find(fileId) is { } found
        && string.Equals(Path.GetDirectoryName(found.Path), _earlierUploads, StringComparison.Ordinal)
        && _secret.SignsFileLink(fileId, signature)
            ? found
            : null;
}
