using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>The workspace API's JSON: camelCase, enums as their names, errors as <c>{"error": message}</c>; and request bodies read with clear errors.</summary>
internal static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IResult Error(int status, string message) => Results.Json(new ErrorBody(message), Options, statusCode: status);

    public static IResult Ok(object body) => Results.Json(body, Options);

    /// <summary>The body as a JSON object, or a 400/413 result saying what is wrong (<paramref name="shape"/> shows what is expected).</summary>
    public static async Task<(JsonElement Root, IResult? Problem)> ReadObjectAsync(HttpRequest request, int limit, string shape)
    {
        var (document, refused) = await RequestBody.ReadJsonAsync(request, limit).ConfigureAwait(false);
        if (refused is not null)
        {
            return (default, Error(refused.StatusCode, refused.StatusCode == StatusCodes.Status400BadRequest ? $"{refused.Message} Send {shape}." : refused.Message));
        }

        if (document is null)
        {
            return (default, Error(StatusCodes.Status400BadRequest, $"The body is empty; send JSON: {shape}."));
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, Error(StatusCodes.Status400BadRequest, $"The body must be a JSON object: {shape}."));
        }
    }

    /// <summary>The string property <paramref name="name"/> (trimmed when <paramref name="trim"/>); a problem when it is missing, not a string, blank or longer than <paramref name="maxLength"/>.</summary>
    public static (string Value, string? Problem) RequiredString(JsonElement root, string name, int maxLength, bool trim = true)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ("", $"'{name}' is missing.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return ("", $"'{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ("", $"'{name}' is empty.");
        }

        if (text.Length > maxLength)
        {
            return ("", string.Create(CultureInfo.InvariantCulture, $"'{name}' is {text.Length} characters; the limit is {maxLength}."));
        }

        return (trim ? text.Trim() : text, null);
    }

    private sealed record ErrorBody(string Error);
}
