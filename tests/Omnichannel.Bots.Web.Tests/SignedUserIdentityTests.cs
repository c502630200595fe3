using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Adapters.WebChat;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>The signed user identity a page sends with <c>userToken</c>: which JWTs are accepted, which refused and why.</summary>
public sealed class SignedUserIdentityTests
{
    private const string Secret = "test-identity-secret-0123456789abcdefgh";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task VerifyAsync_ValidToken_ReturnsTheSitesUserWithNormalisedContacts()
    {
        var jwt = Jwt(new { sub = "customer-7", email = " Ana@Example.com", phone_number = "+1 (650) 555-0100", name = "Ana", exp = Seconds(Now.AddMinutes(10)) });

        var (user, problem) = await SignedUserIdentity.VerifyAsync(jwt, Secret, _time);

        Assert.Null(problem);
        Assert.Equal(new WebChatUser("site:customer-7", "Ana", "ana@example.com", "+16505550100", Verified: true), user);
    }

    [Fact]
    public async Task VerifyAsync_NotBeforeInThePastAndExpiryAheadOnTheHostsClock_Accepted()
    {
        // The token's times are judged by the host's TimeProvider, not the machine's clock.
        var jwt = Jwt(new { sub = "u1", nbf = Seconds(Now.AddMinutes(-1)), exp = Seconds(Now.AddMinutes(5)) });

        var (user, problem) = await SignedUserIdentity.VerifyAsync(jwt, Secret, _time);

        Assert.Null(problem);
        Assert.Equal("site:u1", user?.Id);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "alg none", "must be signed with HS256" },
        { "alg HS512", "must be signed with HS256" },
        { "wrong key", "signature does not match" },
        { "tampered payload", "signature does not match" },
        { "expired", "has expired" },
        { "not yet valid", "not valid yet" },
        { "no exp", "needs an exp claim" },
        { "exp not a number", "exp and nbf are numbers" },
        { "too long-lived", "more than a day away" },
        { "no sub", "needs a sub claim" },
        { "sub too long", "needs a sub claim" },
        { "bad email", "email claim is not an email address" },
        { "bad phone", "E.164" },
        { "two parts", "is not a JWT" },
        { "header not base64url", "not a well-formed JWT" },
        { "header not UTF-8", "not a well-formed JWT" },
        { "payload not an object", "not a well-formed JWT" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task VerifyAsync_RefusedToken_NoUserAndTheReason(string kind, string reason)
    {
        var exp = Seconds(Now.AddMinutes(10));
        var jwt = kind switch
        {
            "alg none" => Part("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8) + "." + Part(JsonSerializer.SerializeToUtf8Bytes(new { sub = "u1", exp })) + ".",
            "alg HS512" => Jwt(new { sub = "u1", exp }, alg: "HS512"),
            "wrong key" => Jwt(new { sub = "u1", exp }, secret: "another-secret-another-secret-another-secret"),
            "tampered payload" => Tamper(Jwt(new { sub = "u1", exp }), new { sub = "admin", exp }),
            "expired" => Jwt(new { sub = "u1", exp = Seconds(Now.AddSeconds(-1)) }),
            "not yet valid" => Jwt(new { sub = "u1", nbf = Seconds(Now.AddMinutes(1)), exp }),
            "no exp" => Jwt(new { sub = "u1" }),
            "exp not a number" => Jwt(new { sub = "u1", exp = "tomorrow" }),
            "too long-lived" => Jwt(new { sub = "u1", exp = Seconds(Now.AddDays(2)) }),
            "no sub" => Jwt(new { exp }),
            "sub too long" => Jwt(new { sub = new string('u', 129), exp }),
            "bad email" => Jwt(new { sub = "u1", exp, email = "not-an-address" }),
            "bad phone" => Jwt(new { sub = "u1", exp, phone_number = "call me" }),
            "two parts" => "abc.def",
            "header not base64url" => "%%%." + Part(JsonSerializer.SerializeToUtf8Bytes(new { sub = "u1", exp })) + ".abc",
            "header not UTF-8" => Part([.. "{\"alg\":\"HS"u8, 0xFF, .. "256\"}"u8]) + ".e30." + Part(new byte[32]),
            "payload not an object" => Signed(Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8) + "." + Part("[]"u8), Secret),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var (user, problem) = await SignedUserIdentity.VerifyAsync(jwt, Secret, _time);

        Assert.Null(user);
        Assert.NotNull(problem);
        Assert.StartsWith("userToken", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AcceptedThenClockPassesExpiry_Refused()
    {
        var jwt = Jwt(new { sub = "u1", exp = Seconds(Now.AddMinutes(2)) });
        var (before, _) = await SignedUserIdentity.VerifyAsync(jwt, Secret, _time);

        _time.Advance(TimeSpan.FromMinutes(3));
        var (after, problem) = await SignedUserIdentity.VerifyAsync(jwt, Secret, _time);

        Assert.NotNull(before);
        Assert.Null(after);
        Assert.Contains("has expired", problem, StringComparison.Ordinal);
    }

    private static long Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static string Part(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private static string Jwt(object claims, string secret = Secret, string alg = "HS256") =>
        Signed(Part(JsonSerializer.SerializeToUtf8Bytes(new { alg, typ = "JWT" })) + "." + Part(JsonSerializer.SerializeToUtf8Bytes(claims)), secret);

    private static string Signed(string headerAndPayload, string secret) =>
        headerAndPayload + "." + Part(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(headerAndPayload)));

    private static string Tamper(string jwt, object claims)
    {
        var parts = jwt.Split('.');
        return parts[0] + "." + Part(JsonSerializer.SerializeToUtf8Bytes(claims)) + "." + parts[2];
    }
}
