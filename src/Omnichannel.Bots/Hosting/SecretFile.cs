using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Bots;

/// <summary>
/// A secret the host generates once and keeps in a file (readable by the owner only) so it survives restarts: web
/// chat's Direct Line secret, the key of agents' customer-facing handles.
/// </summary>
public static class SecretFile
{
    /// <summary>
    /// The secret stored at <paramref name="path"/>, or a new random one (256 bits, base64url) written there atomically.
    /// A stored one under <paramref name="minLength"/> characters throws, naming the file and <paramref name="setting"/>.
    /// </summary>
    public static string LoadOrCreate(string path, int minLength, string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            if (stored.Length >= minLength)
            {
                return stored;
            }

            throw new InvalidOperationException($"{path} holds no usable secret (under {minLength} characters). Delete it to have a new one generated, or set {setting}.");
        }

        OwnerOnlyFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var temporary = path + ".tmp";
        using (var file = OwnerOnlyFiles.Create(temporary))
        {
            file.Write(Encoding.UTF8.GetBytes(secret));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
        return secret;
    }
}
