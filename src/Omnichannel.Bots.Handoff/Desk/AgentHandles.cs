using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// Each agent's customer-facing handle: a stable, opaque name for the agent (the sender id of their replies, so web
/// chat shows <c>from.id = "agent:" + handle</c>) that never reveals the sign-in id. It is an HMAC-SHA256 of the id
/// (ignoring case) keyed with <c>Agents:HandleKey</c>, or with a key generated once and kept in
/// <c>agent-handle-key</c> under <c>Storage:DataDirectory</c>; the workspace maps handles back to ids for agents.
/// </summary>
public sealed class AgentHandles
{
    public const string FileName = "agent-handle-key";

    private const string Prefix = "a-";

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly byte[] _key;
    private readonly IOptionsMonitor<AgentsOptions> _options;

    public AgentHandles(IOptionsMonitor<AgentsOptions> options, BotDataDirectory? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var key = options.CurrentValue.HandleKey
            ?? (dataDirectory is null
                ? throw new InvalidOperationException("Agents:HandleKey is not set and there is no data directory to keep a generated one in; set Agents:HandleKey or use a storage provider (AddSqliteStorage()).")
                : SecretFile.LoadOrCreate(Path.Combine(dataDirectory.Path, FileName), AgentsOptions.MinHandleKeyLength, "Agents:HandleKey"));
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), "omnibot agent handle v1"u8);
    }

    /// <summary>The handle of the agent with this sign-in id (the same for every case of the id).</summary>
    public string For(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(agentId.Trim().ToUpperInvariant()));
        var handle = Prefix + Base64Url.EncodeToString(mac.AsSpan(0, 16));
        _known.TryAdd(handle, agentId.Trim());
        return handle;
    }

    /// <summary>The sign-in id whose handle this is (of a configured account, or one named since start); null for anything else.</summary>
    public string? AccountFor(string? handle) =>
        handle is null || !handle.StartsWith(Prefix, StringComparison.Ordinal)
            ? null
            : _known.TryGetValue(handle, out var known) ? known : _options.CurrentValue.Accounts
                .Where(a => !string.IsNullOrWhiteSpace(a?.Id))
                .Select(a => a.Id.Trim())
                .FirstOrDefault(id => string.Equals(For(id), handle, StringComparison.Ordinal));
}
