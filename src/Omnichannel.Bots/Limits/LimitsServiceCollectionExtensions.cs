using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="LimitsOptions"/> from the <c>Limits</c> section and validates it at start-up (once, however often called).</summary>
    public static IServiceCollection AddLimitsOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<LimitsOptions>)))
        {
            services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        }

        return services;
    }
}
