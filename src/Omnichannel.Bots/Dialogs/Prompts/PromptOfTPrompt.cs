namespace Omnichannel.Bots;

/// <summary>
/// A prompt whose options keep its own type: <c>Prompts.Number("How many?").Validate(...).Between(1, 10)</c> still
/// reads as a <see cref="NumberPrompt"/> after <see cref="Validate"/>. Derive your own prompts from this.
/// </summary>
/// <typeparam name="TPrompt">The derived prompt type itself.</typeparam>
/// <typeparam name="T">The type of the answer.</typeparam>
public abstract record Prompt<TPrompt, T> : Prompt<T>
    where TPrompt : Prompt<TPrompt, T>
{
    protected Prompt(string text)
        : base(text)
    {
    }

    /// <inheritdoc cref="Prompt{T}.Validate"/>
    public new TPrompt Validate(Func<T, string?> rule) => (TPrompt)base.Validate(rule);

    /// <inheritdoc cref="Prompt{T}.ValidateAsync"/>
    public new TPrompt ValidateAsync(Func<T, CancellationToken, Task<string?>> rule) => (TPrompt)base.ValidateAsync(rule);

    /// <inheritdoc cref="Prompt{T}.WithRetry"/>
    public new TPrompt WithRetry(string retryText) => (TPrompt)base.WithRetry(retryText);

    /// <inheritdoc cref="Prompt{T}.WithMaxAttempts"/>
    public new TPrompt WithMaxAttempts(int attempts) => (TPrompt)base.WithMaxAttempts(attempts);

    /// <inheritdoc cref="Prompt{T}.AnswerFromCurrentMessage"/>
    public new TPrompt AnswerFromCurrentMessage() => (TPrompt)base.AnswerFromCurrentMessage();

    /// <inheritdoc cref="Prompt{T}.HandOffWhenExhausted"/>
    public new TPrompt HandOffWhenExhausted() => (TPrompt)base.HandOffWhenExhausted();
}
