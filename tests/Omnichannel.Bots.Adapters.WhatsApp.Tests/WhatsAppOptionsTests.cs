using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>The settings are checked on start only when WhatsApp is enabled, and every problem names its configuration key.</summary>
public sealed class WhatsAppOptionsTests
{
    [Fact]
    public void Disabled_NothingChecked()
    {
        Assert.Empty(Problems(new WhatsAppOptions { ListButtonLabel = "", MaxMediaBytes = 0 }));
    }

    [Fact]
    public void EnabledWithNothingSet_NamesEveryRequiredKey()
    {
        var problems = Problems(new WhatsAppOptions { Enabled = true });

        foreach (var key in new[] { "AppSecret", "VerifyToken", "AccessToken", "PhoneNumberId" })
        {
            Assert.Contains(problems, p => p.StartsWith($"Channels:WhatsApp:{key} is required", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("PhoneNumberId", "+1 555 0100")]
    [InlineData("ListButtonLabel", "A label longer than twenty")]
    [InlineData("MaxMediaBytes", "209715200")]
    [InlineData("PublicBaseUrl", "ftp://bot.example.com")]
    [InlineData("GraphApiVersion", "23")]
    [InlineData("MaxBodyBytes", "100")]
    public void EnabledWithABadValue_NamesItsKey(string key, string value)
    {
        var options = Valid();
        switch (key)
        {
            case "PhoneNumberId": options.PhoneNumberId = value; break;
            case "ListButtonLabel": options.ListButtonLabel = value; break;
            case "MaxMediaBytes": options.MaxMediaBytes = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "PublicBaseUrl": options.PublicBaseUrl = new Uri(value); break;
            case "GraphApiVersion": options.GraphApiVersion = value; break;
            default: options.MaxBodyBytes = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var problem = Assert.Single(Problems(options));
        Assert.StartsWith($"Channels:WhatsApp:{key} ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EnabledAndComplete_NoProblem()
    {
        Assert.Empty(Problems(Valid()));
    }

    [Theory]
    [InlineData("+15017122661", true)]
    [InlineData("15017122661", false)]
    [InlineData("+1 501 712 2661", false)]
    public void Validate_DisplayPhoneNumber_MustBeE164(string number, bool valid)
    {
        var options = Valid();
        options.DisplayPhoneNumber = number;

        Assert.Equal(valid, !Problems(options).Any(p => p.StartsWith("Channels:WhatsApp:DisplayPhoneNumber must be the business number in E.164", StringComparison.Ordinal)));
    }

    private static WhatsAppOptions Valid() => new()
    {
        Enabled = true,
        AppSecret = "secret",
        VerifyToken = "token",
        AccessToken = "EAAG",
        PhoneNumberId = "106540352242922",
    };

    private static List<string> Problems(WhatsAppOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];
}
