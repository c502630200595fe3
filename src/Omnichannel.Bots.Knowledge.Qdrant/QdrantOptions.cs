using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Knowledge.Qdrant;

/// <summary>
/// The Qdrant store's settings (configuration section <c>Knowledge:Qdrant</c>), validated at start-up when the store
/// is registered. <see cref="Collection"/> is an alias: it points at a physical collection
/// <c>{Collection}-{yyyyMMddHHmmssfff}</c>, which a full re-index replaces by switching the alias atomically.
/// </summary>
public sealed class QdrantOptions : IValidatableObject
{
    public const string SectionName = "Knowledge:Qdrant";

    /// <summary>The REST endpoint, for example <c>http://localhost:6333</c> (required, absolute, http or https).</summary>
    public string? Url { get; set; }

    /// <summary>Sent as the <c>api-key</c> header when set (Qdrant Cloud, or a server started with an API key).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The alias searches use (letters, digits, '-' and '_').</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,200}$", ErrorMessage = "Knowledge:Qdrant:Collection must be 1 to 200 letters, digits, '-' or '_'.")]
    public string Collection { get; set; } = "knowledge";

    /// <summary>How long one HTTP attempt may take before it is abandoned (and retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a failed attempt (5xx, 408, 429, timeout, connection error) is retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially (with jitter). A 429's Retry-After wins.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Points per upsert request.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>Candidates each side (dense, sparse) contributes to the fusion, at least the request's Top.</summary>
    [Range(1, 10_000)]
    public int PrefetchLimit { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            yield return new ValidationResult(
                "Knowledge:Qdrant:Url is required when Knowledge:Store is qdrant (for example http://localhost:6333).", [nameof(Url)]);
        }
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"Knowledge:Qdrant:Url '{Url}' is not an absolute http(s) URL (for example http://localhost:6333).", [nameof(Url)]);
        }
    }

    internal Uri BaseUri()
    {
        var url = Url!.EndsWith('/') ? Url : Url + "/";
        return new Uri(url, UriKind.Absolute);
    }
}
