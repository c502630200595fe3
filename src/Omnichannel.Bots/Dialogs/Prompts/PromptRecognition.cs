namespace Omnichannel.Bots;

/// <summary>A recognized and valid answer, or the reason it was not accepted (told to the customer).</summary>
internal readonly record struct PromptRecognition<T>(bool Succeeded, T Value, string? Reason)
{
    public static PromptRecognition<T> Success(T value) => new(true, value, null);

    public static PromptRecognition<T> Failure(string reason) => new(false, default!, reason);
}
