using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff;

/// <summary>Checks what data annotations cannot: the webhook's URL and secret together, the order-number pattern, tiers.</summary>
internal sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    private const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var webhook = options.Webhook;
        if (webhook.Url is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"Handoff:Webhook:Url '{url}' must be an absolute http or https URL.");
            }
            else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            {
                failures.Add($"Handoff:Webhook:Url '{url}' must use https: the packet carries the customer's conversation, so plain http is allowed only to a loopback address (http://127.0.0.1, http://localhost).");
            }

            if (string.IsNullOrEmpty(webhook.Secret) || webhook.Secret.Length < MinSecretLength)
            {
                failures.Add($"Handoff:Webhook:Secret is required with Handoff:Webhook:Url and must be at least {MinSecretLength} characters (the receiver checks the HMAC signature with it).");
            }
        }

        if (!string.IsNullOrEmpty(options.OrderNumberPattern))
        {
            try
            {
                _ = new Regex(options.OrderNumberPattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Handoff:OrderNumberPattern is not a valid regular expression: {ex.Message}");
            }
        }

        foreach (var (tier, identities) in options.Tiers)
        {
            for (var i = 0; i < identities.Count; i++)
            {
                var key = identities[i]?.Trim() ?? "";
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == key.Length - 1)
                {
                    failures.Add($"Handoff:Tiers:{tier}:{i} '{identities[i]}' is not an identity key such as email:jane@example.com or phone:+15551234567.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
