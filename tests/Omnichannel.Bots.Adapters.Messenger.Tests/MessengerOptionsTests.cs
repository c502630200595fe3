using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

public sealed class MessengerOptionsTests
{
    [Fact]
    public void Validate_Disabled_ChecksNothing() =>
        Assert.Empty(Problems(new MessengerOptions { Enabled = false, PageId = "not a number" }));

    [Fact]
    public void Validate_Complete_IsValid() =>
        Assert.Empty(Problems(Valid()));

    [Fact]
    public void Validate_EnabledWithNothing_NamesEveryRequiredKey()
    {
        var problems = Problems(new MessengerOptions { Enabled = true });

        Assert.Contains(problems, p => p.StartsWith("Channels:Messenger:AppSecret is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Channels:Messenger:VerifyToken is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Channels:Messenger:PageAccessToken is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("EAA token with spaces", null, "Channels:Messenger:PageAccessToken contains white space")]
    [InlineData("EAAtoken", "page-1", "Channels:Messenger:PageId must be the page's numeric id")]
    [InlineData("EAAtoken", "", "Channels:Messenger:PageId must be the page's numeric id")]
    public void Validate_BadTokenOrPageId_NamesTheKey(string token, string? pageId, string expected)
    {
        var options = Valid();
        options.PageAccessToken = token;
        options.PageId = pageId;

        Assert.Contains(Problems(options), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1023L)]
    [InlineData(MessengerOptions.DefaultMaxMediaBytes + 1)]
    public void Validate_MaxMediaBytesOutsideMessengersLimit_NamesTheKey(long bytes)
    {
        var options = Valid();
        options.MaxMediaBytes = bytes;

        Assert.Contains(Problems(options), p => p.StartsWith("Channels:Messenger:MaxMediaBytes must be between 1024 and 26214400", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RelativePublicBaseUrl_NamesTheKey()
    {
        var options = Valid();
        options.PublicBaseUrl = new Uri("/bot", UriKind.Relative);

        Assert.Contains(Problems(options), p => p.StartsWith("Channels:Messenger:PublicBaseUrl must be an absolute http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SharedSettings_NamedUnderTheMessengerSection()
    {
        var options = Valid();
        options.GraphApiVersion = "23";
        options.MaxBodyBytes = 10;

        var problems = Problems(options);

        Assert.Contains(problems, p => p.StartsWith("Channels:Messenger:GraphApiVersion must look like v23.0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Channels:Messenger:MaxBodyBytes must be between", StringComparison.Ordinal));
    }

    private static MessengerOptions Valid() => new()
    {
        Enabled = true,
        AppSecret = "secret",
        VerifyToken = "verify",
        PageAccessToken = "EAAtoken",
        PageId = "106000000000001",
    };

    private static List<string> Problems(MessengerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
