namespace Omnichannel.Bots.Knowledge.Tests.Fakes;

/// <summary>An in-memory store that records what was written; search is not what these tests are about.</summary>
internal sealed class RecordingKnowledgeStore : IKnowledgeStore
{
    public Dictionary<string, KnowledgeRecord> Records { get; } = new(StringComparer.Ordinal);

    public int ApplyCalls { get; private set; }

    public int ReplaceCalls { get; private set; }

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Records.ToDictionary(r => r.Key, r => r.Value.Chunk.ContentHash, StringComparer.Ordinal));

    public Task ApplyAsync(IReadOnlyList<KnowledgeRecord> upserts, IReadOnlyCollection<string> deleteIds, CancellationToken cancellationToken)
    {
        ApplyCalls++;
        foreach (var id in deleteIds)
        {
            Records.Remove(id);
        }

        foreach (var record in upserts)
        {
            Records[record.Chunk.Id] = record;
        }

        return Task.CompletedTask;
    }

    public Task ReplaceAllAsync(IReadOnlyList<KnowledgeRecord> records, CancellationToken cancellationToken)
    {
        ReplaceCalls++;
        Records.Clear();
        foreach (var record in records)
        {
            Records[record.Chunk.Id] = record;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeSearchRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnowledgeHit>>([.. Records.Values.Take(request.Top).Select(r => new KnowledgeHit(r.Chunk, 0))]);
}
