using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge;

/// <summary>The <c>GetService</c> every embedding generator here answers the same way: its metadata, or itself.</summary>
internal static class EmbeddingGeneratorServices
{
    public static object? Get(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata : serviceType.IsInstanceOfType(generator) ? generator : null;
    }
}
