namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>How an adapter's inbound endpoint knows a request comes from its provider (or its client).</summary>
public enum RequestAuthentication
{
    /// <summary>Nothing to check (a console, a push channel with no endpoint): no credential cases are generated.</summary>
    None,

    /// <summary>A signature over the request (Meta's <c>X-Hub-Signature-256</c>, Twilio's <c>X-Twilio-Signature</c>).</summary>
    Signature,

    /// <summary>A shared secret sent as is (Telegram's <c>X-Telegram-Bot-Api-Secret-Token</c>).</summary>
    Secret,

    /// <summary>A bearer token or key the client holds (Direct Line's secret or conversation token).</summary>
    Token,
}
