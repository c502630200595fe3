using System.Collections.Concurrent;

namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>The loopback channel's provider: records every send per chat, and answers the next one as told (200 otherwise).</summary>
public sealed class LoopbackProvider
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ProviderAnswer> _answers = new();

    public void AnswerNext(ProviderAnswer answer) => _answers.Enqueue(answer);

    /// <summary>Records a send of <paramref name="text"/> to <paramref name="chat"/> and answers it.</summary>
    public ProviderAnswer Receive(string chat, string text)
    {
        _received.GetOrAdd(chat, _ => new ConcurrentQueue<string>()).Enqueue(text);
        return _answers.TryDequeue(out var answer) ? answer : new ProviderAnswer(200);
    }

    public IReadOnlyList<string> ReceivedBy(string chat) => _received.TryGetValue(chat, out var texts) ? [.. texts] : [];
}
