namespace Omnichannel.Bots;

/// <summary>Asking a prompt, and what a failed answer does: the reason and the question again, or giving up.</summary>
internal static class PromptAsking
{
    public static Task AskAsync<T>(StepContext context, Prompt<T> prompt, string? reason, CancellationToken cancellationToken)
    {
        var question = reason is null ? prompt.Text : reason + " " + (prompt.RetryText ?? prompt.Text);
        return context.Turn.ReplyAsync(context.Turn.CreateReply(question) with { Choices = prompt.Choices }, cancellationToken);
    }

    /// <summary>Counts a failed answer; re-asks with the reason, or ends the prompt when the attempts ran out.</summary>
    public static async Task<StepResult> FailAsync<T>(StepContext context, Prompt<T> prompt, string reason, CancellationToken cancellationToken)
    {
        if (context.Progress.ContinuingOnNewChannel)
        {
            await AskAsync(context, prompt, reason: null, cancellationToken).ConfigureAwait(false);
            return StepResult.Wait;
        }

        var frame = context.Frame;
        frame.Attempts++;
        if (frame.Attempts < prompt.MaxAttempts)
        {
            await AskAsync(context, prompt, reason, cancellationToken).ConfigureAwait(false);
            return StepResult.Wait;
        }

        frame.Attempts = 0;
        await context.Turn.ReplyAsync(prompt.ExhaustedText ?? context.Texts.TooManyAttempts, cancellationToken).ConfigureAwait(false);
        if (prompt.Exhaustion == PromptExhaustion.HandOff)
        {
            await context.Turn.HandoffAsync($"The customer could not answer \"{prompt.Text}\" in {prompt.MaxAttempts} attempts.", cancellationToken).ConfigureAwait(false);
            return StepResult.Wait;
        }

        return StepResult.Abandon;
    }
}
