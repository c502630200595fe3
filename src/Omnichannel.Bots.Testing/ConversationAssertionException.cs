namespace Omnichannel.Bots.Testing;

/// <summary>A conversation test's expectation did not hold; the message shows the conversation so far.</summary>
public sealed class ConversationAssertionException : Exception
{
    public ConversationAssertionException(string message)
        : base(message)
    {
    }
}
