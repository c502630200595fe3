using System.Security.Cryptography;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>The workspace's pages and assets, embedded in this assembly (<c>Page/*</c>).</summary>
internal sealed class AgentPageResources
{
    private const string Prefix = "Omnichannel.Bots.Handoff.Workspace.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["agent.html"] = "text/html; charset=utf-8",
        ["login.html"] = "text/html; charset=utf-8",
        ["agent.js"] = "text/javascript; charset=utf-8",
        ["agent.css"] = "text/css; charset=utf-8",
    };

    private readonly Dictionary<string, Asset> _assets;

    public AgentPageResources()
    {
        _assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var (name, contentType) in ContentTypes)
        {
            using var stream = typeof(AgentPageResources).Assembly.GetManifestResourceStream(Prefix + name)
                ?? throw new InvalidOperationException($"The agent workspace's embedded resource '{Prefix + name}' is missing from the build.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            _assets[name] = new Asset(bytes, contentType, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
    }

    /// <summary>An asset the workspace page loads (<c>agent.js</c>, <c>agent.css</c>); null for any other name.</summary>
    public Asset? Find(string name) => name is "agent.js" or "agent.css" ? _assets[name] : null;

    public Asset WorkspacePage => _assets["agent.html"];

    public string LoginPageTemplate => System.Text.Encoding.UTF8.GetString(_assets["login.html"].Bytes);

    public sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
