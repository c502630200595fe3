using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Bots.Knowledge.Qdrant;

/// <summary>
/// Deterministic Qdrant point ids: the first 16 bytes of SHA-256 over the chunk id's UTF-8 bytes, formatted as an
/// RFC 9562 version-8 (custom) UUID. The same chunk id always maps to the same point, so upserts replace in place.
/// </summary>
internal static class QdrantPointId
{
    public static string For(string chunkId)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(chunkId), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash[..16]);
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
    }
}
