using Omnichannel.Bots.Handoff.Workspace;

namespace Omnichannel.Bots.Handoff.Tests.Workspace;

public sealed class AgentPasswordHasherTests
{
    private static readonly Lazy<string> Stored = new(() => AgentPasswordHasher.Hash("correct horse battery"));

    [Fact]
    public void Hash_Format_Pbkdf2Sha256WithIterationsSaltAndHash()
    {
        var parts = Stored.Value.Split('$');

        Assert.Equal(["pbkdf2-sha256", "210000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.Null(AgentPasswordHasher.Problem(Stored.Value));
    }

    [Fact]
    public void Verify_RightPassword_True()
    {
        Assert.True(AgentPasswordHasher.Verify("correct horse battery", Stored.Value));
    }

    [Theory]
    [InlineData("correct horse batterY")]
    [InlineData("correct horse battery ")]
    [InlineData("")]
    public void Verify_WrongPassword_False(string password)
    {
        Assert.False(AgentPasswordHasher.Verify(password, Stored.Value));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        var again = AgentPasswordHasher.Hash("correct horse battery");

        Assert.NotEqual(Stored.Value, again);
        Assert.True(AgentPasswordHasher.Verify("correct horse battery", again));
    }

    [Fact]
    public void Verify_HashWithOtherIterationCount_UsesTheStoredCount()
    {
        var stored = AgentPasswordHasher.Hash("pässwörd ✓", 100_000);

        Assert.StartsWith("pbkdf2-sha256$100000$", stored, StringComparison.Ordinal);
        Assert.True(AgentPasswordHasher.Verify("pässwörd ✓", stored));
    }

    [Fact]
    public void VerifyDummy_AnyPassword_False()
    {
        Assert.False(AgentPasswordHasher.VerifyDummy("correct horse battery"));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "hunter2", "4 parts" },
        { "bcrypt$210000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==", "must start with 'pbkdf2-sha256$'" },
        { "pbkdf2-sha256$lots$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iteration count" },
        { "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iteration count" },
        { "pbkdf2-sha256$210000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "salt" },
        { "pbkdf2-sha256$210000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "salt" },
        { "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA", "hash part" },
        { "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$%%%", "hash part" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Verify_MalformedHash_ThrowsFormatExceptionSayingWhat(string stored, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AgentPasswordHasher.Verify("whatever", stored));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("omnibot agents hash-password", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, AgentPasswordHasher.Problem(stored));
    }

    [Fact]
    public void Problem_PlainPasswordWithDollars_NeverQuotesIt()
    {
        var problem = AgentPasswordHasher.Problem("my$secret$pass$word");

        Assert.NotNull(problem);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("my", problem.Split(' ').Where(w => w == "my"), StringComparer.Ordinal);
    }
}
