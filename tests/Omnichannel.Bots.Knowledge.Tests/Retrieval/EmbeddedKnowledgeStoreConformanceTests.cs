using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Knowledge.StoreConformance;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

/// <summary>The store conformance suite (<see cref="KnowledgeStoreConformance"/>) against the embedded store, in memory and file-backed.</summary>
public static class EmbeddedKnowledgeStoreConformanceTests
{
    /// <summary>The embedded store kept only in memory.</summary>
    public sealed class InMemory : KnowledgeStoreConformance
    {
        protected override Task<IKnowledgeStore> CreateStoreAsync() => Task.FromResult<IKnowledgeStore>(EmbeddedKnowledgeStore.CreateInMemory());
    }

    /// <summary>The embedded store backed by its SQLite file (a new file per test).</summary>
    public sealed class FileBacked : KnowledgeStoreConformance
    {
        private readonly Dictionary<IKnowledgeStore, string> _directories = [];

        protected override async Task<IKnowledgeStore> CreateStoreAsync()
        {
            var directory = Path.Combine(Path.GetTempPath(), "omnibot-conformance-" + Guid.NewGuid().ToString("N"));
            var store = await EmbeddedKnowledgeStore.OpenAsync(directory, CancellationToken.None);
            _directories[store] = directory;
            return store;
        }

        protected override async ValueTask DisposeStoreAsync(IKnowledgeStore store)
        {
            await base.DisposeStoreAsync(store);
            if (_directories.Remove(store, out var directory) && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        // Every swap is a SQLite transaction on disk: fewer rounds keep the test quick; the search count still has to be reached.
        protected override int ReplaceRounds => 10;
    }
}
