using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// A Twilio webhook call read and authenticated: the form parameters of its body (at most
/// <see cref="SmsOptions.MaxBodyBytes"/>), checked against <c>X-Twilio-Signature</c> over the public URL Twilio called.
/// That URL is <see cref="SmsOptions.PublicBaseUrl"/> followed by the endpoint's path and the request's query string;
/// without it, the request's own scheme, host, path base, path and query string (ASP.NET Core's forwarded headers
/// middleware rewrites scheme and host only when the host configures it; the headers are never read here, so a caller
/// cannot choose the URL that is checked).
/// </summary>
internal sealed record TwilioRequest(IReadOnlyDictionary<string, string> Parameters)
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>The parameter's value, or null when the form has none (or an empty one).</summary>
    public string? this[string name] => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>
    /// The request's parameters when it is signed by Twilio, else the status and words to answer: 401 for a missing or
    /// wrong signature (checked before anything is stored), 413 over the size limit, 400 for a body that is not a form.
    /// </summary>
    public static async Task<(TwilioRequest? Request, BodyProblem? Problem)> ReadAsync(HttpRequest http, string endpointPath, SmsOptions options, TwilioSignature signature)
    {
        var signatureHeader = http.Headers[TwilioSignature.Header].FirstOrDefault();
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return (null, new BodyProblem(StatusCodes.Status401Unauthorized, $"The {TwilioSignature.Header} header is missing."));
        }

        var (body, problem) = await RequestBody.ReadAsync(http, options.MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (!IsForm(http.ContentType))
        {
            return (null, new BodyProblem(StatusCodes.Status400BadRequest, $"The body must be {FormContentType}, as Twilio posts it."));
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return (null, new BodyProblem(StatusCodes.Status400BadRequest, "The body is not valid UTF-8 form data."));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in QueryHelpers.ParseQuery(text))
        {
            foreach (var value in values)
            {
                pairs.Add(new(name, value ?? string.Empty));
            }

            parameters[name] = values.LastOrDefault() ?? string.Empty;
        }

        if (!signature.IsValid(PublicUrl(http, endpointPath, options), pairs, signatureHeader))
        {
            return (null, new BodyProblem(StatusCodes.Status401Unauthorized, $"The {TwilioSignature.Header} header does not sign this request (check Channels:Sms:AuthToken and Channels:Sms:PublicBaseUrl)."));
        }

        return (new TwilioRequest(parameters), null);
    }

    /// <summary>The URL Twilio called, as it signed it.</summary>
    public static Uri PublicUrl(HttpRequest http, string endpointPath, SmsOptions options)
    {
        var url = options.PublicBaseUrl is { } publicBase
            ? publicBase.OriginalString.TrimEnd('/') + endpointPath + http.QueryString.Value
            : $"{http.Scheme}://{http.Host.ToUriComponent()}{http.PathBase.ToUriComponent()}{http.Path.ToUriComponent()}{http.QueryString.Value}";
        return new Uri(url, UriKind.Absolute);
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(FormContentType, StringComparison.OrdinalIgnoreCase);
}
