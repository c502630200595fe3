using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Cli;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Tests.Privacy;

/// <summary><c>omnibot customers export|erase</c> on a running bot's data folder.</summary>
public sealed class CustomersCliTests
{
    [Fact]
    public async Task Export_ByIdentityKeyToFile_WritesTheirJsonOwnerOnly()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var output = Path.Combine(scenario.Bot.DataDirectory, "..", "export-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var result = await RunAsync("customers", "export", "--key", "phone:" + PrivacyScenario.AlicePhone, "--out", output, "--data", scenario.Bot.DataDirectory);

            Assert.Equal((0, ""), (result.Code, result.Stderr));
            Assert.Contains($"customer {scenario.AliceId} exported to {Path.GetFullPath(output)}", result.Stdout, StringComparison.Ordinal);
            using var export = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            Assert.Equal(scenario.AliceId, export.RootElement.GetProperty("customerId").GetString());
            Assert.Contains(export.RootElement.GetProperty("core").GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == PrivacyScenario.AliceQuestion);
            Assert.Equal(PrivacyScenario.AliceNote, Assert.Single(export.RootElement.GetProperty("handoff").GetProperty("handoff_notes").EnumerateArray()).GetProperty("text").GetString());
            Assert.Single(export.RootElement.GetProperty("files").EnumerateArray());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(OwnerOnlyFiles.FileUnixMode, File.GetUnixFileMode(output));
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Erase_WithYes_DeletesEverythingAndSaysWhatPerFeature()
    {
        await using var scenario = await PrivacyScenario.StartAsync();

        var result = await RunAsync("customers", "erase", scenario.AliceId, "--yes", "--data", scenario.Bot.DataDirectory);

        Assert.Equal((0, ""), (result.Code, result.Stderr));
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["webchat", "handoff", "reachability", "core", "files"], lines[..5].Select(l => l.Split('\t')[0]));
        Assert.Equal("files\t1", lines[4]);
        Assert.Equal($"customer {scenario.AliceId} erased; the database was compacted", lines[5]);
        Assert.Empty(scenario.TablesHolding(scenario.AliceNeedles));
        Assert.Empty(scenario.FileBytesHolding(scenario.AliceNeedles));
        Assert.Null(scenario.Bot.Services.GetRequiredService<ICustomerFiles>().Find(scenario.AliceFileId));
        Assert.NotEmpty(scenario.TablesHolding(scenario.BobNeedles));
    }

    [Theory]
    [InlineData(new[] { "customers", "erase", "ALICE" }, "omnibot customers erase: erasing cannot be undone: add --yes to confirm.")]
    [InlineData(new[] { "customers", "erase", "--yes" }, "omnibot customers erase: missing ID (or --key KEY).")]
    [InlineData(new[] { "customers", "export", "ALICE", "--key", "phone:+15550107731" }, "omnibot customers export: give an ID or --key, not both.")]
    public async Task Usage_MissingConfirmationOrCustomer_IsAUsageErrorAndDeletesNothing(string[] args, string message)
    {
        await using var scenario = await PrivacyScenario.StartAsync();

        var result = await RunAsync([.. args.Select(a => a == "ALICE" ? scenario.AliceId : a), "--data", scenario.Bot.DataDirectory]);

        Assert.Equal(2, result.Code);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(scenario.AliceId, await scenario.Bot.Services.GetRequiredService<ICustomerPrivacy>().FindByIdentityAsync("phone:" + PrivacyScenario.AlicePhone, default));
    }

    [Fact]
    public async Task Erase_UnknownCustomerOrKey_ExitsOneNamingIt()
    {
        await using var scenario = await PrivacyScenario.StartAsync();

        var byId = await RunAsync("customers", "erase", "cus_nobody", "--yes", "--data", scenario.Bot.DataDirectory);
        var byKey = await RunAsync("customers", "export", "--key", "phone:+15550000000", "--data", scenario.Bot.DataDirectory);

        Assert.Equal((1, "omnibot customers erase: there is no customer 'cus_nobody' (never was, merged into another, or already erased)."), (byId.Code, byId.Stderr.Trim()));
        Assert.Equal(1, byKey.Code);
        Assert.StartsWith("omnibot customers export: no customer has the identity key 'phone:+15550000000'", byKey.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_DatabaseHoldsAFeatureThisToolDoesNotKnow_RefusesAndDeletesNothing()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var database = scenario.Bot.Services.GetRequiredService<SqliteDatabase>();
        await database.WriteAsync(db => db.Execute("INSERT INTO schema_migrations (feature, version) VALUES ('loyalty', 1)"), default);

        var result = await RunAsync("customers", "erase", scenario.AliceId, "--yes", "--data", scenario.Bot.DataDirectory);

        Assert.Equal(1, result.Code);
        Assert.StartsWith("omnibot customers erase: the database holds tables of 'loyalty', which this omnibot cannot erase; nothing was deleted.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(scenario.TablesHolding(scenario.AliceNeedles), t => t.StartsWith("messages:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_NoDatabase_ExitsOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "omnibot-no-db-" + Guid.NewGuid().ToString("N"));

        var result = await RunAsync("customers", "export", "cus_x", "--data", folder);

        Assert.Equal(1, result.Code);
        Assert.Contains($"no database at {Path.Combine(folder, "bot.db")}", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await OmnibotCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
