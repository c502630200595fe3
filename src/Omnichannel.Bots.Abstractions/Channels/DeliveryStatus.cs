namespace Omnichannel.Bots;

/// <summary>How far an outbound message got, as its provider reports it; later states never go back to earlier ones.</summary>
public enum DeliveryStatus
{
    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>It reached the customer's device.</summary>
    Delivered,

    /// <summary>The customer opened it.</summary>
    Read,

    /// <summary>The provider gave up on it after accepting it (the report carries the provider's code).</summary>
    Failed,
}
