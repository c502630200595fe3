using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Handoff.Tests.Privacy;

/// <summary>A customer's export and erasure across core, reachability, handoff and web chat tables and the customer files.</summary>
public sealed class CustomerPrivacyTests
{
    [Fact]
    public async Task Export_CustomerWithDataEverywhere_HoldsTheirRowsOfEveryFeatureAndNoOneElses()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var privacy = scenario.Bot.Services.GetRequiredService<ICustomerPrivacy>();

        var json = await privacy.ExportAsync(scenario.AliceId, default);

        Assert.NotNull(json);
        using var export = JsonDocument.Parse(json);
        var root = export.RootElement;
        Assert.Equal(scenario.AliceId, root.GetProperty("customerId").GetString());
        var core = root.GetProperty("core");
        Assert.Equal(scenario.AliceId, Assert.Single(core.GetProperty("customers").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains(core.GetProperty("customer_identities").EnumerateArray(), r => r.GetProperty("identity_key").GetString() == "phone:" + PrivacyScenario.AlicePhone);
        var texts = core.GetProperty("messages").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        Assert.Contains(PrivacyScenario.AliceQuestion, texts);
        Assert.Contains(PrivacyScenario.AliceAgentReply, texts);
        Assert.Contains(core.GetProperty("delivery_reports").EnumerateArray(), r => r.GetProperty("error_message").GetString() == PrivacyScenario.AliceDeliveryError);
        Assert.NotEmpty(core.GetProperty("dialog_state").EnumerateArray());
        Assert.Equal(JsonValueKind.Number, Assert.Single(root.GetProperty("reachability").GetProperty("conversation_reach").EnumerateArray()).GetProperty("opted_out_at").ValueKind);
        var handoff = root.GetProperty("handoff");
        var ticket = Assert.Single(handoff.GetProperty("handoff_requests").EnumerateArray());
        Assert.Equal(4, ticket.GetProperty("csat_score").GetInt32());
        Assert.Equal("pending", ticket.GetProperty("webhook_status").GetString());
        Assert.Equal(PrivacyScenario.AliceNote, Assert.Single(handoff.GetProperty("handoff_notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Single(handoff.GetProperty("journeys").EnumerateArray());
        Assert.Contains(PrivacyScenario.AliceLogEntry, Assert.Single(root.GetProperty("webchat").GetProperty("activity_log_entries").EnumerateArray()).GetProperty("payload").GetString(), StringComparison.Ordinal);
        var file = Assert.Single(root.GetProperty("files").EnumerateArray());
        Assert.Equal((scenario.AliceFileId, "alice-receipt.txt"), (file.GetProperty("id").GetString(), file.GetProperty("name").GetString()));

        Assert.All(scenario.BobNeedles, needle => Assert.DoesNotContain(needle, json, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erase_CustomerWithDataEverywhere_NothingOfThemIsLeftInAnyTableTheFileBytesOrTheUploads()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var services = scenario.Bot.Services;
        var privacy = services.GetRequiredService<ICustomerPrivacy>();
        var files = services.GetRequiredService<ICustomerFiles>();
        var before = scenario.TablesHolding(scenario.AliceNeedles).Select(t => t[..t.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();
        // Not vacuous: the scenario put alice's data in every table a customer reaches.
        Assert.Superset(
            new HashSet<string>
            {
                "customers", "customer_identities", "conversations", "inbox", "messages", "dialog_state", "outbox", "delivery_reports",
                "conversation_reach", "handoff_requests", "handoff_notes", "journeys", "activity_logs", "activity_log_entries",
            },
            before);
        Assert.NotEmpty(scenario.FileBytesHolding(scenario.AliceNeedles));

        var erasure = await privacy.EraseAsync(scenario.AliceId, default);

        Assert.NotNull(erasure);
        Assert.Equal(["webchat", "handoff", "reachability", "core"], erasure.RowsByFeature.Keys);
        Assert.All(erasure.RowsByFeature, feature => Assert.True(feature.Value > 0, $"{feature.Key} deleted no rows"));
        Assert.Equal(1, erasure.Files);
        Assert.True(erasure.Compacted);
        Assert.Empty(scenario.TablesHolding(scenario.AliceNeedles));
        Assert.Empty(scenario.FileBytesHolding(scenario.AliceNeedles.Append(PrivacyScenario.AliceFileText)));
        Assert.Null(files.Find(scenario.AliceFileId));
        var uploads = Path.Combine(scenario.Bot.DataDirectory, CustomerFileStore.FolderName);
        Assert.DoesNotContain(Directory.EnumerateFiles(uploads), f => File.ReadAllText(f).Contains(PrivacyScenario.AliceFileText, StringComparison.Ordinal));
        Assert.Null(await privacy.ExportAsync(scenario.AliceId, default));
        Assert.Null(await privacy.FindByIdentityAsync("phone:" + PrivacyScenario.AlicePhone, default));
        Assert.Null(await privacy.EraseAsync(scenario.AliceId, default));

        // Bob keeps everything, and the bot still works for him.
        var bobTables = scenario.TablesHolding(scenario.BobNeedles).Select(t => t[..t.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();
        Assert.Superset(new HashSet<string> { "customers", "conversations", "messages", "inbox", "outbox", "activity_logs", "activity_log_entries" }, bobTables);
        Assert.NotNull(files.Find(scenario.BobFileId));
        await scenario.Harness.Customer(customer: new Testing.TestCustomer("privacy-bob-5501")).Send("still there?").ExpectReply("Answer: still there?").RunAsync();
    }

    [Fact]
    public async Task FindByIdentity_LinkedKey_IsTheirCustomer()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var privacy = scenario.Bot.Services.GetRequiredService<ICustomerPrivacy>();

        Assert.Equal(scenario.AliceId, await privacy.FindByIdentityAsync("phone:" + PrivacyScenario.AlicePhone, default));
        Assert.Equal(scenario.BobId, await privacy.FindByIdentityAsync("webchat:privacy-bob-5501", default));
        Assert.Null(await privacy.FindByIdentityAsync("phone:+15550000000", default));
    }
}
