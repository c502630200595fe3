using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary><c>GET /healthz</c> on Kestrel shows parked messages under <c>inbox</c>.</summary>
public sealed class InboxHealthTests
{
    [Fact]
    public async Task Healthz_MessageParked_InboxShowsCountAndOldestAndStatusDegraded()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(TestBot.DefaultStart);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new TurnProbe());
        builder.Services.AddOmnichannelBot(bot => bot
            .AddSqliteStorage(o => o.DataDirectory = data.Path)
            .AddRootDialog<CountingDialog>()
            .Services.AddSingleton<ChannelAdapter>(new RecordingChannelAdapter(ChannelProfiles.Sms)));
        var store = new PoisonTurnStore(PoisonMode.Commit);
        builder.Services.AddSingleton<ITurnStore>(sp =>
        {
            store.Inner = new SqliteTurnStore(sp.GetRequiredService<SqliteDatabase>(), time);
            return store;
        });
        builder.Services.Configure<BotOptions>(o => o.MaxTurnAttempts = 2);
        await using var app = builder.Build();
        app.MapBotEndpoints();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var inbox = app.Services.GetRequiredService<IMessageInbox>();

        var before = await http.GetFromJsonAsync<JsonElement>("/healthz");
        var parked = (await inbox.SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None)).Sequence;
        await Eventually.UntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return Rows.Scalar(data.DatabaseFile, "SELECT status FROM inbox WHERE seq = @p1", parked) is "parked";
            },
            "the message to be parked");
        var parkedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)Rows.Scalar(data.DatabaseFile, "SELECT parked_at FROM inbox WHERE seq = @p1", parked)!);
        var after = await http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("healthy", before.GetProperty("status").GetString());
        Assert.Equal(0, before.GetProperty("inbox").GetProperty("parked").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("inbox").GetProperty("oldestParkedAt").ValueKind);
        Assert.Equal("degraded", after.GetProperty("status").GetString());
        var section = after.GetProperty("inbox");
        Assert.Equal(1, section.GetProperty("parked").GetInt32());
        Assert.Equal(parked, section.GetProperty("oldestParkedId").GetInt64());
        Assert.Equal(parkedAt, section.GetProperty("oldestParkedAt").GetDateTimeOffset());
        await app.StopAsync();
    }
}
