using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Tests.Files;

/// <summary>Every adapter that keeps customer files calls AddCustomerFiles: one store and one sweep however many do.</summary>
public sealed class CustomerFilesRegistrationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("omnibot-files-di-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void AddCustomerFiles_ByTwoAdapters_OneStoreAndOneSweep()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOmnichannelBot();
        services.AddSingleton(new BotDataDirectory(_data));

        services.AddCustomerFiles();
        services.AddCustomerFiles();
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<CustomerFileStore>(), provider.GetRequiredService<ICustomerFiles>());
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CustomerFileRetentionSweep));
    }

    [Fact]
    public void CustomerFiles_WithoutAStorage_SayWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOmnichannelBot();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ICustomerFiles>());

        Assert.Contains("AddSqliteStorage()", error.Message, StringComparison.Ordinal);
    }
}
