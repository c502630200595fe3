using Microsoft.AspNetCore.Http;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>Reads a request body up to a limit, never buffering more than the limit.</summary>
internal static class RequestBodies
{
    /// <summary>The body, or a 413 result when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<(byte[] Body, IResult? TooLarge)> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return ([], DirectLineResults.TooLarge($"The body is over {limit} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return ([], DirectLineResults.TooLarge($"The body is over {limit} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }
}
