namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Sign-in throttling for the agent workspace (configuration section <c>Agents:SignIn</c>, read at start-up). Every
/// attempt is counted before its password is checked. Only an address's own failures for one account can make it wait
/// longer than <see cref="SharedMaxDelay"/>; failures from other addresses, or for other accounts, slow it down by at
/// most that much, so nobody can lock a real agent out.
/// </summary>
internal sealed class AgentSignInOptions
{
    public const string SectionName = "Agents:SignIn";

    /// <summary>Failed sign-ins for one account from one client address before that address waits between attempts.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; it doubles with each further failure.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between one address's attempts for one account.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failures for one account from all addresses (or from one address over all accounts) before every attempt for
    /// that account (from that address) waits, growing from <see cref="FirstDelay"/> up to <see cref="SharedMaxDelay"/>.
    /// </summary>
    public int SharedFreeFailures { get; set; } = 10;

    /// <summary>The longest wait that failures other than an address's own for that account impose: the worst a real agent sees.</summary>
    public TimeSpan SharedMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failures are forgotten this long after the last one.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries (account and address pairs, accounts, addresses) kept at most; past it the quietest are forgotten first.</summary>
    public int MaxEntries { get; set; } = 50_000;
}
