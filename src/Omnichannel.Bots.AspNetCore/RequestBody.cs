using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// Reads a client's request body for an endpoint: at most a limit of bytes, and as JSON only when every string and
/// property name in it is valid Unicode text. (System.Text.Json parses a string holding invalid UTF-8 or an unpaired
/// <c>\uD800</c> escape, and throws only when the string is read, in the middle of a handler, which was a 500.) A refusal
/// is a <see cref="BodyProblem"/> that each API turns into its own error shape; it is logged at Information, without
/// the body.
/// </summary>
public static partial class RequestBody
{
    /// <summary>How deeply a request's JSON may nest by default; deeper is refused as not JSON.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The body, or a 413 problem when it is longer than <paramref name="limit"/> bytes (never buffering more), or a 400 when it cannot be read.</summary>
    public static async Task<(byte[] Body, BodyProblem? Problem)> ReadAsync(HttpRequest request, int limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = new BodyProblem(StatusCodes.Status413PayloadTooLarge, string.Create(CultureInfo.InvariantCulture, $"The body is over {limit} bytes."));
        if (request.ContentLength > limit)
        {
            return ([], Refused(request, tooLarge));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], Refused(request, tooLarge));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own refusal of the body (cut short, bad chunked encoding, over the server's limit).
            return ([], Refused(request, new BodyProblem(ex.StatusCode, $"The body could not be read: {ex.Message}")));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// The body as JSON (the caller disposes the document), or a problem; (null, null) for an empty body, which the
    /// caller decides about.
    /// </summary>
    public static async Task<(JsonDocument? Document, BodyProblem? Problem)> ReadJsonAsync(HttpRequest request, int limit, int maxDepth = DefaultMaxDepth)
    {
        var (body, problem) = await ReadAsync(request, limit).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        return body.Length == 0 ? (null, null) : ParseJson(body, request, maxDepth);
    }

    /// <summary>
    /// <paramref name="body"/> as JSON whose every string is valid text (the caller disposes the document), or a 400
    /// problem naming what is wrong (logged when <paramref name="request"/> is given).
    /// </summary>
    public static (JsonDocument? Document, BodyProblem? Problem) ParseJson(ReadOnlyMemory<byte> body, HttpRequest? request = null, int maxDepth = DefaultMaxDepth)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException ex)
        {
            return (null, Refused(request, new BodyProblem(StatusCodes.Status400BadRequest, $"The body is not valid JSON ({ex.Message}).")));
        }

        if (FirstBadString(document.RootElement, "$") is { } bad)
        {
            document.Dispose();
            return (null, Refused(request, new BodyProblem(StatusCodes.Status400BadRequest, bad)));
        }

        return (document, null);
    }

    /// <summary>Where the first string that is not valid text is, and why; null when every string reads.</summary>
    private static string? FirstBadString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Unreadable(() => element.GetString()) is { } why ? $"The string at {path} {why}." : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Unreadable(() => property.Name) is { } nameProblem)
                    {
                        return $"A property name in {path} {nameProblem}.";
                    }

                    var name = property.Name.Length > 64 ? property.Name[..64] + "…" : property.Name;
                    if (FirstBadString(property.Value, path + "." + name) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstBadString(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? Unreadable(Func<string?> read)
    {
        try
        {
            read();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.InnerException is DecoderFallbackException
                ? "is not valid UTF-8"
                : "holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF without its pair)";
        }
    }

    private static BodyProblem Refused(HttpRequest? request, BodyProblem problem)
    {
        if (request is not null)
        {
            var logger = request.HttpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(RequestBody)) ?? NullLogger.Instance;
            LogRefused(logger, request.Method, request.Path.Value ?? "/", problem.StatusCode, problem.Message);
        }

        return problem;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Refused the body of {Method} {Path}: {Status} {Problem}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string problem);
}
