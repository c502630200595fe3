namespace Omnichannel.Bots.Customers;

/// <summary>
/// Two customers found to be one person: everything stored about <see cref="FromCustomerId"/> moves to
/// <see cref="IntoCustomerId"/>, and <see cref="FromCustomerId"/> no longer exists afterwards. Recorded with why.
/// </summary>
/// <param name="FromCustomerId">The customer that goes away.</param>
/// <param name="IntoCustomerId">The customer that stays and receives everything.</param>
/// <param name="Reason">Why they are one (the identity key both held, a link code, an agent's decision).</param>
/// <param name="At">When the merge was made.</param>
public sealed record CustomerMerge(string FromCustomerId, string IntoCustomerId, string Reason, DateTimeOffset At);
