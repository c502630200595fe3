namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>How a desk action ended; the workspace maps these to HTTP statuses (200, 404, 409, 422, 400, 403).</summary>
public enum DeskOutcome
{
    Ok,
    NotFound,

    /// <summary>Someone else got there first (claimed, closed, re-queued); the message says who or what.</summary>
    Conflict,

    /// <summary>The customer's channel cannot take the reply now (no adapter, the chat blocked the bot, opted out, reply window closed).</summary>
    Undeliverable,

    /// <summary>The request itself is wrong (empty text, unknown queue).</summary>
    Invalid,

    /// <summary>The agent may not do this (a queue they do not work, a ticket another agent has).</summary>
    Forbidden,
}
