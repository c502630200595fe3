using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>One request the stand-in received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? ApiKey)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public override string ToString() => $"{Method} {Path}{Query}";
}
