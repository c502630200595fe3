namespace Omnichannel.Bots.Customers;

/// <summary>How an identity key came to belong to a customer: only these link a key, and each link records one.</summary>
public enum IdentityProvenance
{
    /// <summary>The channel's own address of the sender (<c>telegram:12345</c>): the channel delivered the message from it.</summary>
    ChannelAddress,

    /// <summary>A phone number the provider delivered the message from (the SMS <c>From</c>, the WhatsApp sender).</summary>
    ProviderPhone,

    /// <summary>A contact its owner shared on the channel (Telegram's contact whose <c>user_id</c> is the sender).</summary>
    SharedContact,

    /// <summary>An email or phone in an identity the embedding site signed (web chat's verified user).</summary>
    SignedIdentity,

    /// <summary>A one-time link code issued on one channel and used on another before it expired.</summary>
    LinkCode,

    /// <summary>An agent linked it by hand.</summary>
    Agent,
}
