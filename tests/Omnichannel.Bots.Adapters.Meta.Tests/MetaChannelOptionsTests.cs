using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Adapters.Meta.Tests;

public sealed class MetaChannelOptionsTests
{
    [Fact]
    public void ValidateShared_Disabled_ChecksNothing() =>
        Assert.Empty(new TestChannelOptions { Enabled = false, GraphApiVersion = "nonsense", MaxBodyBytes = 0 }.Problems());

    [Fact]
    public void ValidateShared_Defaults_WithSecretAndToken_AreValid() =>
        Assert.Empty(new TestChannelOptions { Enabled = true, AppSecret = "s", VerifyToken = "v" }.Problems());

    [Theory]
    [InlineData(nameof(MetaChannelOptions.AppSecret), "Channels:Test:AppSecret is required when the channel is enabled")]
    [InlineData(nameof(MetaChannelOptions.VerifyToken), "Channels:Test:VerifyToken is required when the channel is enabled")]
    [InlineData(nameof(MetaChannelOptions.GraphApiBaseUrl), "Channels:Test:GraphApiBaseUrl must be an absolute http(s) URL")]
    [InlineData(nameof(MetaChannelOptions.GraphApiVersion), "Channels:Test:GraphApiVersion must look like v23.0")]
    [InlineData(nameof(MetaChannelOptions.MaxBodyBytes), "Channels:Test:MaxBodyBytes must be between 1024 and 16777216")]
    public void ValidateShared_EachBadSetting_NamesItsKeyAndMember(string member, string expected)
    {
        var options = new TestChannelOptions { Enabled = true, AppSecret = "s", VerifyToken = "v" };
        switch (member)
        {
            case nameof(MetaChannelOptions.AppSecret): options.AppSecret = " "; break;
            case nameof(MetaChannelOptions.VerifyToken): options.VerifyToken = null; break;
            case nameof(MetaChannelOptions.GraphApiBaseUrl): options.GraphApiBaseUrl = new Uri("ftp://graph.example.test"); break;
            case nameof(MetaChannelOptions.GraphApiVersion): options.GraphApiVersion = "23.0"; break;
            default: options.MaxBodyBytes = 1023; break;
        }

        var problem = Assert.Single(options.Results());

        Assert.StartsWith(expected, problem.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([member], problem.MemberNames);
    }

    [Theory]
    [InlineData("v1.0", true)]
    [InlineData("v23.0", true)]
    [InlineData("v123.45", true)]
    [InlineData("V23.0", false)]
    [InlineData("v23", false)]
    [InlineData("v23.0/", false)]
    public void ValidateShared_Version(string version, bool valid) =>
        Assert.Equal(valid, new TestChannelOptions { Enabled = true, AppSecret = "s", VerifyToken = "v", GraphApiVersion = version }.Problems().Count == 0);

    private sealed class TestChannelOptions : MetaChannelOptions
    {
        public List<ValidationResult> Results() => [.. ValidateShared("Channels:Test")];

        public List<string> Problems() => [.. Results().Select(r => r.ErrorMessage!)];
    }
}
