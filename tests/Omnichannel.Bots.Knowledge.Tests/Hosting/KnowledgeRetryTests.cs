using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Knowledge.Tests.Hosting;

public sealed class KnowledgeRetryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FirstLoadFails_IsRetriedWithoutAFileChange(bool watchForChanges)
    {
        using var folder = new KnowledgeFolder();
        folder.WriteShop();
        var attempts = 0;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new BotDataDirectory(folder.DataDirectory));
        builder.Services.AddSingleton<KnowledgeStoreOpener>(_ => Interlocked.Increment(ref attempts) <= 2
            ? throw new HttpRequestException("Connection refused")
            : Task.FromResult<IKnowledgeStore>(EmbeddedKnowledgeStore.CreateInMemory()));
        builder.Services.AddKnowledgeBase(options =>
        {
            options.Path = folder.Path;
            options.WatchForChanges = watchForChanges;
            options.RetryDelay = TimeSpan.FromMilliseconds(50);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
        await knowledge.FirstLoad;

        await Eventually.UntilAsync(() => knowledge.Status.Version == 1, "a retry loads the base", () => $"{attempts} attempts, {knowledge.Status.ReloadError}");

        Assert.Equal(3, attempts);
        Assert.Null(knowledge.Status.ReloadError);
        Assert.Equal("shipping", (await knowledge.AskAsync("how long does delivery take", KnowledgeFilter.None, CancellationToken.None)).Best?.Article.Id);
        await host.StopAsync();
    }
}
