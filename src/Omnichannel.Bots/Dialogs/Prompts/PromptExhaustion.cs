namespace Omnichannel.Bots;

/// <summary>What happens when a customer fails a prompt <see cref="Prompt{T}.MaxAttempts"/> times.</summary>
public enum PromptExhaustion
{
    /// <summary>The dialog ends as abandoned; its parent continues (a root dialog starts again).</summary>
    EndDialog,

    /// <summary>The conversation goes to a human; the prompt is asked again when it comes back.</summary>
    HandOff,
}
