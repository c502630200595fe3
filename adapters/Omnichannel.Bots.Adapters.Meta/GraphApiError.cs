using System.Globalization;

namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>
/// The Graph API's error object (<c>{"error": {"message", "type", "code", "error_subcode", "error_data", "fbtrace_id",
/// "is_transient"}}</c>) with the HTTP status it came with; <see cref="Code"/> is null when the body had none.
/// </summary>
public sealed record GraphApiError(int HttpStatus, int? Code, int? Subcode, string Message)
{
    /// <summary>Meta's <c>error_data.details</c> (WhatsApp puts the useful sentence there).</summary>
    public string? Details { get; init; }

    /// <summary>Meta's trace id, which its support asks for.</summary>
    public string? TraceId { get; init; }

    /// <summary>Meta's own <c>is_transient</c>, when it said.</summary>
    public bool? IsTransient { get; init; }

    /// <summary>The code as the outbox and transcript record it: <c>131047</c>, <c>10/2018278</c> with a subcode, else the HTTP status.</summary>
    public string ProviderCode => Code switch
    {
        { } code when Subcode is { } sub => string.Create(CultureInfo.InvariantCulture, $"{code}/{sub}"),
        { } code => code.ToString(CultureInfo.InvariantCulture),
        _ => HttpStatus.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Everything Meta said, in one line: code, message, details and trace id.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {HttpStatus}, code {ProviderCode}: {Message}")
        + (string.IsNullOrWhiteSpace(Details) ? "" : $" ({Details})")
        + (TraceId is null ? "" : $" [fbtrace_id {TraceId}]");
}
