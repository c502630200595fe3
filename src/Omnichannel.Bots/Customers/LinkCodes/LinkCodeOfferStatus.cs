namespace Omnichannel.Bots.Customers;

/// <summary>Whether a code was issued, or why not.</summary>
public enum LinkCodeOfferStatus
{
    /// <summary>A new code and how to use it.</summary>
    Issued,

    /// <summary>The customer is already on that channel.</summary>
    SameChannel,

    /// <summary>The channel is not registered, not enabled, or lacks the setting its link needs (logged with the setting).</summary>
    Unavailable,

    /// <summary>The customer was given too many codes lately (<see cref="LinkCodeOptions.IssuesPerCustomer"/>).</summary>
    TooMany,
}
