using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.Meta.Testing;

/// <summary>One call the Graph API stand-in received: method, path (with the version), the bearer token and the JSON body (null for a GET).</summary>
public sealed record GraphApiRequest(string Method, string Path, string? BearerToken, JsonObject? Body)
{
    /// <summary>A string at <paramref name="path"/> in the body (<c>"to"</c>, <c>"recipient.id"</c>, <c>"text.body"</c>), or null.</summary>
    public string? this[string path]
    {
        get
        {
            JsonNode? node = Body;
            foreach (var part in path.Split('.'))
            {
                node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
            }

            return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
        }
    }
}
