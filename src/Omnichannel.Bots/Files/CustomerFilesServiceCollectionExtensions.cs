using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Files;

public static class CustomerFilesServiceCollectionExtensions
{
    /// <summary>
    /// Keeps files customers send (<see cref="ICustomerFiles"/>, a <see cref="CustomerFileStore"/> in the bot's data
    /// folder) and deletes them past <c>Limits:UploadRetention</c>. Every channel adapter that saves customer files calls
    /// it; it registers the store and its one retention sweep once however often it is called.
    /// </summary>
    public static IServiceCollection AddCustomerFiles(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddCustomerFileStore(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CustomerFileRetentionSweep>());
        return services;
    }

    /// <summary>The store alone (no sweep), which the bot runtime registers so any adapter can resolve <see cref="ICustomerFiles"/>.</summary>
    internal static void AddCustomerFileStore(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CustomerFileStore(
            sp.GetService<BotDataDirectory>()
                ?? throw new InvalidOperationException("Customer files are kept in the bot's data folder (Storage:DataDirectory): add a storage such as AddSqliteStorage() to the bot."),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<LimitsOptions>>()));
        services.TryAddSingleton<ICustomerFiles>(sp => sp.GetRequiredService<CustomerFileStore>());
    }
}
