using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Agent passwords as stored in configuration: PBKDF2 with HMAC-SHA256, a 16-byte random salt and 210,000
/// iterations (OWASP's figure for PBKDF2-HMAC-SHA256), written <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>.
/// Verification compares in constant time. Make a hash with <c>omnibot agents hash-password</c>.
/// </summary>
public static class AgentPasswordHasher
{
    public const string Algorithm = "pbkdf2-sha256";

    public const int DefaultIterations = 210_000;

    /// <summary>Fewer iterations than this are refused (a hash made by an older, weaker setting must be made again).</summary>
    public const int MinimumIterations = 100_000;

    /// <summary>More than this is refused, so a typo cannot make every sign-in take minutes.</summary>
    public const int MaximumIterations = 10_000_000;

    public const int SaltBytes = 16;

    public const int HashBytes = 32;

    private const string Remedy = "make a new one with: omnibot agents hash-password";

    /// <summary>
    /// A well-formed hash no password matches (random bytes), verified instead of a real one when the sign-in name is unknown, so an unknown
    /// name costs the same time as a wrong password.
    /// </summary>
    private static readonly string Dummy = string.Create(
        CultureInfo.InvariantCulture,
        $"{Algorithm}${DefaultIterations}${Convert.ToBase64String(RandomNumberGenerator.GetBytes(SaltBytes))}${Convert.ToBase64String(RandomNumberGenerator.GetBytes(HashBytes))}");

    public static string Hash(string password) => Hash(password, DefaultIterations);

    /// <summary>A new hash of <paramref name="password"/> with a fresh random salt.</summary>
    public static string Hash(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>
    /// True when <paramref name="password"/> matches <paramref name="storedHash"/>; throws <see cref="FormatException"/>
    /// (saying what is wrong) when the stored hash is malformed.
    /// </summary>
    public static bool Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var parsed, out var problem))
        {
            throw new FormatException(problem);
        }

        var actual = Derive(password, parsed.Salt, parsed.Iterations);
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Hash);
    }

    /// <summary>Does the work of a verification against a throw-away hash and returns false (for unknown sign-in names).</summary>
    public static bool VerifyDummy(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _ = Verify(password, Dummy);
        return false;
    }

    /// <summary>Null when <paramref name="storedHash"/> is well-formed, else what is wrong with it (never quoting the text, which may be a pasted password).</summary>
    public static string? Problem(string? storedHash) => TryParse(storedHash, out _, out var problem) ? null : problem;

    private static bool TryParse(string? storedHash, out ParsedHash parsed, out string problem)
    {
        parsed = default;
        problem = "";
        if (string.IsNullOrWhiteSpace(storedHash))
        {
            problem = $"the password hash is empty; {Remedy}";
            return false;
        }

        var parts = storedHash.Trim().Split('$');
        if (parts.Length != 4)
        {
            problem = $"the password hash must have 4 parts separated by '$' ({Algorithm}$iterations$salt$hash), not {parts.Length}; {Remedy}";
            return false;
        }

        if (!string.Equals(parts[0], Algorithm, StringComparison.Ordinal))
        {
            problem = $"the password hash must start with '{Algorithm}$' (a plain password does not belong here); {Remedy}";
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < MinimumIterations or > MaximumIterations)
        {
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"the password hash's iteration count must be a whole number from {MinimumIterations} to {MaximumIterations}; {Remedy}");
            return false;
        }

        var salt = Base64(parts[2]);
        if (salt is null || salt.Length < SaltBytes)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the password hash's salt must be base64 of at least {SaltBytes} bytes; {Remedy}");
            return false;
        }

        var hash = Base64(parts[3]);
        if (hash is null || hash.Length != HashBytes)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the password hash's hash part must be base64 of {HashBytes} bytes; {Remedy}");
            return false;
        }

        parsed = new ParsedHash(iterations, salt, hash);
        return true;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static byte[]? Base64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private readonly record struct ParsedHash(int Iterations, byte[] Salt, byte[] Hash);
}
