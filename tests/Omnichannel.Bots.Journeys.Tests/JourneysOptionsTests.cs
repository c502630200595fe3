using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>The <c>Journeys</c> settings are checked on start, each problem naming its key.</summary>
public sealed class JourneysOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(JourneysOptionsValidator.Problems(new JourneysOptions()));
    }

    [Fact]
    public void EveryBadValue_IsNamedByItsKey()
    {
        var options = new JourneysOptions
        {
            IdleTimeout = TimeSpan.Zero,
            RepeatContactWindow = TimeSpan.FromDays(-1),
            Costs = new JourneyCosts { AgentMinute = -0.5m, Messages = new(StringComparer.Ordinal) { ["WhatsApp!"] = 0.05m, ["sms"] = -1m } },
        };

        var problems = JourneysOptionsValidator.Problems(options).ToList();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Journeys:IdleTimeout must be a positive time", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Journeys:RepeatContactWindow must not be negative", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Journeys:Costs:AgentMinute must not be negative", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Journeys:Costs:Messages:WhatsApp! names no valid channel id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Journeys:Costs:Messages:sms must not be negative", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadSetting_TheBotDoesNotStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestBot.StartAsync(b => b.AddJourneys(o => o.IdleTimeout = TimeSpan.FromHours(-1)).AddRootDialog<RefundDialog>()));

        Assert.Contains("Journeys:IdleTimeout", error.Message, StringComparison.Ordinal);
    }
}
