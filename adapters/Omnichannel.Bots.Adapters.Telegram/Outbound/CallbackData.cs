using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// A choice's value as an inline button's <c>callback_data</c>, which Telegram limits to 1–64 bytes (UTF-8). A value that
/// fits goes as it is; a longer one (or one that starts with <see cref="KeyPrefix"/>, so it cannot be mistaken for a
/// key) is kept in the bot's database and the button carries <see cref="KeyPrefix"/> and the value's SHA-256
/// (base64url, 45 bytes in all). The key is derived from the value, so offering the same choice again stores nothing new.
/// </summary>
internal sealed class CallbackData
{
    /// <summary>Telegram's limit for <c>callback_data</c>, in bytes.</summary>
    public const int MaxBytes = 64;

    /// <summary>What starts a stored key.</summary>
    public const string KeyPrefix = "#~";

    private readonly SqliteCallbackValueStore _store;

    public CallbackData(SqliteCallbackValueStore store)
    {
        _store = store;
    }

    /// <summary>What the button for <paramref name="value"/> carries.</summary>
    public async Task<string> EncodeAsync(string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (Encoding.UTF8.GetByteCount(value) <= MaxBytes && !value.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var key = KeyPrefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        await _store.PutAsync(key, value, cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>The choice value a pressed button stands for; null for a stored key this bot does not know.</summary>
    public Task<string?> DecodeAsync(string data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? _store.FindAsync(data, cancellationToken)
            : Task.FromResult<string?>(data);
    }
}
