namespace Omnichannel.Bots.Customers;

/// <summary>Why a code was or was not used up.</summary>
public enum LinkCodeClaimStatus
{
    /// <summary>Used up now by this sender: link them.</summary>
    Claimed,

    /// <summary>This sender used it before (the same message again, or the turn run again): they are linked already.</summary>
    ClaimedBefore,

    /// <summary>No such code (a typo or a guess); counted as wrong.</summary>
    Unknown,

    /// <summary>Its time ran out; counted as wrong.</summary>
    Expired,

    /// <summary>Someone else used it; counted as wrong.</summary>
    Used,

    /// <summary>Sent on the channel it was asked on, where it links nothing; not counted and not used up.</summary>
    SameChannel,

    /// <summary>Too many wrong codes (from this sender, or from everyone); the code was not even looked at.</summary>
    Throttled,
}
