using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge.Tests.Hosting;

public sealed class KnowledgeOptionsTests
{
    private static string? StartupError(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddKnowledgeBase();
        using var provider = services.BuildServiceProvider();
        return Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate())?.Message;
    }

    [Theory]
    [InlineData("Knowledge:Store", "elastic", "Knowledge:Store 'elastic' is not available: use embedded or qdrant.")]
    [InlineData("Knowledge:Path", "", "Knowledge:Path is required")]
    [InlineData("Knowledge:ReloadDelay", "00:05:00", "ReloadDelay")]
    [InlineData("Knowledge:Embeddings:Provider", "openai", "Knowledge:Embeddings:ApiKey")]
    public void AddKnowledgeBase_InvalidSetting_StartupFailsNamingIt(string key, string value, string expected)
    {
        var error = StartupError(new() { [key] = value });

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledgeBase_Defaults_AreValid() => Assert.Null(StartupError([]));

    [Fact]
    public async Task AddKnowledgeBase_StoreQdrantWithoutQdrantPackage_OpenerNamesTheMissingRegistration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Store"] = "qdrant" }).Build());
        services.AddLogging();
        services.AddKnowledgeBase();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => provider.GetRequiredService<KnowledgeStoreOpener>()(CancellationToken.None));

        Assert.Contains("AddQdrantKnowledgeStore()", error.Message, StringComparison.Ordinal);
    }
}
