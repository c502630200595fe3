namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>How the provider answers the next send it receives (in its own error format, as its API documents).</summary>
/// <param name="StatusCode">The HTTP status (429, 500, 503, 400, ...).</param>
/// <param name="RetryAfter">The wait the provider asks for (a <c>Retry-After</c> header, Telegram's <c>parameters.retry_after</c>); null when it gives none.</param>
public sealed record ProviderAnswer(int StatusCode, TimeSpan? RetryAfter = null);
