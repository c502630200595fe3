using System.Collections.Immutable;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots;

/// <summary>
/// A question with a typed answer. The customer's reply is recognized (strictly, or as the one value found in a
/// longer sentence), checked by the validators, and re-asked with the reason until it is accepted or
/// <see cref="MaxAttempts"/> answers have failed. Prompts are immutable: each option returns a changed copy.
/// </summary>
public abstract record Prompt<T>
{
    protected Prompt(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
    }

    /// <summary>The question, in Markdown.</summary>
    public string Text { get; init; }

    /// <summary>Asked instead of <see cref="Text"/> after a failed answer (after the reason it failed).</summary>
    public string? RetryText { get; init; }

    /// <summary>Said when the attempts run out; null uses the bot's default.</summary>
    public string? ExhaustedText { get; init; }

    /// <summary>How many failed answers end the prompt (default 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    public PromptExhaustion Exhaustion { get; init; } = PromptExhaustion.EndDialog;

    /// <summary>
    /// When the step is reached in a turn whose message no other prompt has answered yet (say, the first message of
    /// a journey: "my order 12345 hasn't arrived"), that message is tried as the answer first; the question is asked
    /// only if it does not answer it.
    /// </summary>
    public bool AnswersFromCurrentMessage { get; init; }

    /// <summary>Options shown with the question (buttons, or numbered options where the channel has no buttons).</summary>
    public virtual IReadOnlyList<Choice> Choices => [];

    private ImmutableArray<Func<T, CancellationToken, Task<string?>>> Validators { get; init; } = [];

    /// <summary>Adds a rule: return null to accept the value, or the reason to tell the customer.</summary>
    public Prompt<T> Validate(Func<T, string?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ValidateAsync((value, _) => Task.FromResult(rule(value)));
    }

    /// <summary>Adds a rule that may call your systems (an order lookup): null accepts, a string is the reason.</summary>
    public Prompt<T> ValidateAsync(Func<T, CancellationToken, Task<string?>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return this with { Validators = Validators.Add(rule) };
    }

    public Prompt<T> WithRetry(string retryText) => this with { RetryText = retryText };

    public Prompt<T> WithMaxAttempts(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return this with { MaxAttempts = attempts };
    }

    /// <summary>Lets the message that reaches this prompt answer it (see <see cref="AnswersFromCurrentMessage"/>).</summary>
    public Prompt<T> AnswerFromCurrentMessage() => this with { AnswersFromCurrentMessage = true };

    /// <summary>Hands the conversation to a person when the attempts run out, instead of ending the dialog.</summary>
    public Prompt<T> HandOffWhenExhausted() => this with { Exhaustion = PromptExhaustion.HandOff };

    /// <summary>Reads the whole answer: true with the value when it is one.</summary>
    protected internal abstract bool TryRecognize(PromptInput input, out T value);

    /// <summary>Finds values inside free text, for forms; none by default.</summary>
    protected internal virtual IReadOnlyList<Recognized<T>> Extract(PromptInput input) => [];

    /// <summary>What to tell the customer when the answer is not recognized.</summary>
    protected internal abstract string NotRecognizedReason { get; }

    internal async Task<PromptRecognition<T>> RecognizeAsync(PromptInput input, CancellationToken cancellationToken)
    {
        if (!TryRecognize(input, out var value))
        {
            return PromptRecognition<T>.Failure(NotRecognizedReason);
        }

        var reason = await ValidateValueAsync(value, cancellationToken).ConfigureAwait(false);
        return reason is null ? PromptRecognition<T>.Success(value) : PromptRecognition<T>.Failure(reason);
    }

    /// <summary>Runs the validators in order; the first reason wins.</summary>
    internal async Task<string?> ValidateValueAsync(T value, CancellationToken cancellationToken)
    {
        foreach (var rule in Validators)
        {
            var reason = await rule(value, cancellationToken).ConfigureAwait(false);
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The single value in the text when there is exactly one distinct; used by prompts that accept "it's 12345".</summary>
    private protected static bool TrySingle(IReadOnlyList<Recognized<T>> found, out T value)
    {
        value = default!;
        if (found.Count == 0)
        {
            return false;
        }

        var first = found[0].Value;
        for (var i = 1; i < found.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(found[i].Value, first))
            {
                return false;
            }
        }

        value = first;
        return true;
    }
}
