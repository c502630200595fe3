using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>
/// The one conformance suite every <see cref="IKnowledgeStore"/> passes (the embedded store always, Qdrant from
/// tests/Live.Tests). A subclass supplies <see cref="CreateStoreAsync"/> (a new, empty store per test); the suite
/// embeds with <see cref="ConformanceEmbedding"/> (fixed, 16 dimensions) or with hand-made orthogonal vectors.
/// </summary>
public abstract class KnowledgeStoreConformance
{
    /// <summary>A new, empty store: each test gets its own.</summary>
    protected abstract Task<IKnowledgeStore> CreateStoreAsync();

    /// <summary>Releases a store after a test (disposes it by default); a server-backed store can also drop its collection.</summary>
    protected virtual async ValueTask DisposeStoreAsync(IKnowledgeStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>Whole-index swaps the atomicity test makes while searches run (fewer for a slow server).</summary>
    protected virtual int ReplaceRounds => 30;

    /// <summary>Searches the readers must have made before the atomicity test stops swapping (a count, not a time).</summary>
    protected virtual int MinimumConcurrentSearches => 200;

    [Fact]
    public Task SearchAsync_OnlyDenseSignal_TheMatchingChunkRanksFirst() => UseStoreAsync(async store =>
    {
        // Texts share no term with the question; the question's vector is the target's (orthogonal to the others).
        string[] texts = ["alpha bravo charlie", "delta echo foxtrot", "golf hotel india", "juliet kilo lima", "mike november oscar"];
        var records = texts.Select((t, i) => Record(Chunk("dense-" + i, t), OneHot(i))).ToList();
        Assert.All(texts, t => Assert.Empty(SharedTerms("quebec romeo sierra", t)));
        await store.ReplaceAllAsync(records, CancellationToken.None);

        var hits = await store.SearchAsync(new KnowledgeSearchRequest("quebec romeo sierra", OneHot(3), 3), CancellationToken.None);

        Assert.NotEmpty(hits);
        Assert.True(hits.Count <= 3, $"Top is 3 but {hits.Count} hits came back.");
        Assert.Equal("dense-3", hits[0].Chunk.ArticleId);
        AssertBestFirst(hits);
    });

    [Fact]
    public Task SearchAsync_OnlyLexicalSignal_TheMatchingChunkRanksFirst() => UseStoreAsync(async store =>
    {
        // Every chunk and the question have the same vector; only the target shares words with the question.
        string[] texts = ["alpha bravo charlie", "delta echo foxtrot", "golf hotel india", "juliet kilo lima", "mike november oscar"];
        var same = OneHot(0);
        Assert.All(texts.Where(t => !t.StartsWith("golf", StringComparison.Ordinal)), t => Assert.Empty(SharedTerms("golf hotel", t)));
        await store.ReplaceAllAsync(texts.Select((t, i) => Record(Chunk("lex-" + i, t), same)).ToList(), CancellationToken.None);

        var hits = await store.SearchAsync(new KnowledgeSearchRequest("golf hotel", same, 5), CancellationToken.None);

        Assert.NotEmpty(hits);
        Assert.Equal("lex-2", hits[0].Chunk.ArticleId);
        AssertBestFirst(hits);
    });

    [Fact]
    public Task SearchAsync_Hit_CarriesTheWholeChunk() => UseStoreAsync(async store =>
    {
        var chunk = Chunk("payload", "Refunds reach your card within five days.", locale: "en-US", tags: ["billing", "cards"], channels: ["sms", "webchat"]) with
        {
            Kind = KnowledgeChunkKind.Passage,
            Heading = "Card refunds",
        };
        await store.ReplaceAllAsync([Record(chunk, ConformanceEmbedding.Embed(chunk.Text))], CancellationToken.None);

        var hits = await store.SearchAsync(Request("refund card"), CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(chunk.Id, hit.Chunk.Id);
        Assert.Equal(chunk.ArticleId, hit.Chunk.ArticleId);
        Assert.Equal(chunk.Kind, hit.Chunk.Kind);
        Assert.Equal(chunk.Title, hit.Chunk.Title);
        Assert.Equal(chunk.Heading, hit.Chunk.Heading);
        Assert.Equal(chunk.Text, hit.Chunk.Text);
        Assert.Equal(chunk.Locale, hit.Chunk.Locale);
        Assert.Equal(chunk.Tags, hit.Chunk.Tags);
        Assert.Equal(chunk.Channels, hit.Chunk.Channels);
        Assert.Equal(chunk.ContentHash, hit.Chunk.ContentHash);
    });

    [Theory]
    [InlineData("en", null, null, new[] { "a-en", "a-en-us", "a-webchat", "a-sms-tagged" })]
    [InlineData("en-US", null, null, new[] { "a-en", "a-en-us", "a-webchat", "a-sms-tagged" })]
    [InlineData("en-GB", null, null, new[] { "a-en", "a-webchat", "a-sms-tagged" })]
    [InlineData("de", null, null, new[] { "a-de" })]
    [InlineData("fr", null, null, new string[0])]
    [InlineData(null, "billing", null, new[] { "a-sms-tagged" })]
    [InlineData(null, "cards", null, new[] { "a-sms-tagged", "a-cards" })]
    [InlineData(null, null, "webchat", new[] { "a-en", "a-en-us", "a-de", "a-webchat", "a-cards" })]
    [InlineData(null, null, "sms", new[] { "a-en", "a-en-us", "a-de", "a-sms-tagged", "a-cards" })]
    [InlineData("en", "billing", "webchat", new string[0])]
    [InlineData("en", null, "webchat", new[] { "a-en", "a-en-us", "a-webchat" })]
    public Task SearchAsync_Filter_LocaleParentOrChildTagsAllOfChannelOrUnlimited(string? locale, string? tag, string? channel, string[] expected) => UseStoreAsync(async store =>
    {
        KnowledgeChunk[] chunks =
        [
            Chunk("a-en", "card help text"),
            Chunk("a-en-us", "card help text", locale: "en-US"),
            Chunk("a-de", "card help text", locale: "de"),
            Chunk("a-webchat", "card help text", channels: ["webchat"]),
            Chunk("a-sms-tagged", "card help text", tags: ["billing", "cards"], channels: ["sms"]),
            Chunk("a-cards", "card help text", locale: "es", tags: ["cards"]),
        ];
        await store.ReplaceAllAsync(chunks.Select(c => Record(c, ConformanceEmbedding.Embed(c.Text))).ToList(), CancellationToken.None);

        // "billing" asks for both of the tagged chunk's tags (all-of); "cards" for one tag that two chunks carry.
        var tags = tag switch { null => Array.Empty<string>(), "billing" => ["billing", "cards"], _ => [tag] };
        var filter = new KnowledgeFilter { Locale = locale, Tags = tags, Channel = channel };
        var hits = await store.SearchAsync(Request("card help") with { Filter = filter, Top = 20 }, CancellationToken.None);

        Assert.Equal(expected.Order(StringComparer.Ordinal), hits.Select(h => h.Chunk.ArticleId).Distinct().Order(StringComparer.Ordinal));
    });

    [Fact]
    public Task SearchAsync_TagsNotAllPresent_ExcludesTheChunk() => UseStoreAsync(async store =>
    {
        await store.ReplaceAllAsync([Record(Chunk("one-tag", "card help text", tags: ["billing"]), ConformanceEmbedding.Embed("card help text"))], CancellationToken.None);

        var hits = await store.SearchAsync(Request("card help") with { Filter = new KnowledgeFilter { Tags = ["billing", "cards"] } }, CancellationToken.None);

        Assert.Empty(hits);
    });

    [Fact]
    public Task ApplyAsync_UpsertOfAnExistingId_ReplacesTheChunk() => UseStoreAsync(async store =>
    {
        var records = Shop();
        await store.ReplaceAllAsync(records, CancellationToken.None);
        var changed = records[0].Chunk with { Text = "Parcels now travel by zeppelin overnight.", ContentHash = "hash-v2" };

        await store.ApplyAsync([Record(changed, ConformanceEmbedding.Embed(changed.Text))], [], CancellationToken.None);

        var hashes = await store.GetContentHashesAsync(CancellationToken.None);
        Assert.Equal(records.Count, hashes.Count);
        Assert.Equal("hash-v2", hashes[changed.Id]);
        var hits = await store.SearchAsync(Request("zeppelin overnight") with { Top = 20 }, CancellationToken.None);
        Assert.Equal(changed.Id, hits[0].Chunk.Id);
        Assert.Equal(changed.Text, hits[0].Chunk.Text);
        Assert.Single(hits, h => h.Chunk.Id == changed.Id);
    });

    [Fact]
    public Task ApplyAsync_DeletedChunks_VanishFromSearchAndHashes() => UseStoreAsync(async store =>
    {
        var records = Shop();
        await store.ReplaceAllAsync(records, CancellationToken.None);
        var deleted = records.Where(r => r.Chunk.ArticleId == "refunds").Select(r => r.Chunk.Id).ToList();
        var added = Chunk("gift-cards", "Gift cards never expire.");

        await store.ApplyAsync([Record(added, ConformanceEmbedding.Embed(added.Text))], deleted, CancellationToken.None);

        var hashes = await store.GetContentHashesAsync(CancellationToken.None);
        Assert.DoesNotContain(hashes.Keys, deleted.Contains);
        Assert.Equal(added.ContentHash, hashes[added.Id]);
        Assert.Equal(records.Count - deleted.Count + 1, hashes.Count);
        var hits = await store.SearchAsync(Request("refund money back") with { Top = 20 }, CancellationToken.None);
        Assert.DoesNotContain(hits, h => h.Chunk.ArticleId == "refunds");
        Assert.Equal(records.Count - deleted.Count + 1, hits.Count);
    });

    [Fact]
    public Task ApplyAsync_DeleteOfAnUnknownId_ChangesNothing() => UseStoreAsync(async store =>
    {
        var records = Shop();
        await store.ReplaceAllAsync(records, CancellationToken.None);

        await store.ApplyAsync([], ["no-such#q-1"], CancellationToken.None);

        Assert.Equal(records.Count, (await store.GetContentHashesAsync(CancellationToken.None)).Count);
    });

    [Fact]
    public Task GetContentHashesAsync_AfterReplaceAll_ReflectsExactlyTheNewIndex() => UseStoreAsync(async store =>
    {
        Assert.Empty(await store.GetContentHashesAsync(CancellationToken.None));
        await store.ReplaceAllAsync(Shop(), CancellationToken.None);
        var next = new[] { Chunk("opening-hours", "The shop opens at nine."), Chunk("parking", "Free parking behind the shop.") };

        await store.ReplaceAllAsync(next.Select(c => Record(c, ConformanceEmbedding.Embed(c.Text))).ToList(), CancellationToken.None);

        var hashes = await store.GetContentHashesAsync(CancellationToken.None);
        Assert.Equal(next.Select(c => c.Id).Order(StringComparer.Ordinal), hashes.Keys.Order(StringComparer.Ordinal));
        Assert.All(next, c => Assert.Equal(c.ContentHash, hashes[c.Id]));
    });

    [Fact]
    public Task ReplaceAllAsync_WhileSearching_EverySearchSeesOneWholeVersion() => UseStoreAsync(async store =>
    {
        // Two versions with different ids and a version tag; a search must return all chunks of exactly one of them.
        List<KnowledgeRecord> Version(string version) => Shop()
            .Select(r => r with { Chunk = r.Chunk with { Id = version + ":" + r.Chunk.Id, Tags = [version] } })
            .ToList();
        var versions = new[] { Version("v1"), Version("v2") };
        await store.ReplaceAllAsync(versions[0], CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var mixed = new List<string>();
        var searches = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var hits = await store.SearchAsync(Request("refund parcel password") with { Top = 40 }, CancellationToken.None);
                var seen = hits.Select(h => h.Chunk.Tags.Count > 0 ? h.Chunk.Tags[0] : "(none)").Distinct().ToList();
                if (seen.Count != 1 || hits.Count != versions[0].Count || hits.Any(h => !h.Chunk.Id.StartsWith(seen[0] + ":", StringComparison.Ordinal)))
                {
                    lock (mixed)
                    {
                        mixed.Add($"{hits.Count} hits of versions {string.Join("+", seen)}");
                    }
                }

                Interlocked.Increment(ref searches);
            }
        })).ToList();

        // Keep swapping until the readers have searched enough (a count of searches, never a time limit).
        for (var i = 1; i <= ReplaceRounds || Volatile.Read(ref searches) < MinimumConcurrentSearches; i++)
        {
            await store.ReplaceAllAsync(versions[i % 2], CancellationToken.None);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(mixed.Count == 0, $"{mixed.Count} of {searches} searches saw a half-built or mixed index, e.g. {mixed.FirstOrDefault()}.");
        Assert.True(searches >= MinimumConcurrentSearches);
    });

    /// <summary>Runs <paramref name="test"/> on a new store and releases the store after it, pass or fail.</summary>
    protected async Task UseStoreAsync(Func<IKnowledgeStore, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var store = await CreateStoreAsync();
        try
        {
            await test(store);
        }
        finally
        {
            await DisposeStoreAsync(store);
        }
    }

    /// <summary>A question chunk of article <paramref name="articleId"/> (id <c>{articleId}#q-1</c>) with a hash of its text.</summary>
    protected static KnowledgeChunk Chunk(string articleId, string text, string locale = "en", string[]? tags = null, string[]? channels = null) => new()
    {
        Id = articleId + "#q-1",
        ArticleId = articleId,
        Kind = KnowledgeChunkKind.Question,
        Title = articleId,
        Text = text,
        Locale = locale,
        Tags = tags ?? [],
        Channels = channels ?? [],
        ContentHash = "h" + ConformanceEmbedding.Hash(text),
    };

    protected static KnowledgeRecord Record(KnowledgeChunk chunk, float[] embedding) => new(chunk, embedding);

    protected static KnowledgeSearchRequest Request(string text) => new(text, ConformanceEmbedding.Embed(text), 5);

    /// <summary>A unit vector along axis <paramref name="axis"/> of <see cref="ConformanceEmbedding.Dimensions"/>.</summary>
    protected static float[] OneHot(int axis)
    {
        var vector = new float[ConformanceEmbedding.Dimensions];
        vector[axis] = 1;
        return vector;
    }

    /// <summary>Twelve chunks of a small shop help centre (three articles, four question chunks each), embedded with <see cref="ConformanceEmbedding"/>.</summary>
    protected static List<KnowledgeRecord> Shop()
    {
        (string Article, string[] Texts)[] articles =
        [
            ("track-order", ["where is my parcel", "track my package", "follow my shipment", "tracking link in the email"]),
            ("refunds", ["where is my refund", "money back after a return", "refund has not arrived", "refunds reach the card in five days"]),
            ("reset-password", ["I forgot my password", "cannot log in", "reset the password", "click forgot password on the sign-in page"]),
        ];
        return articles
            .SelectMany(a => a.Texts.Select((text, i) => Chunk(a.Article, text) with { Id = $"{a.Article}#q-{i + 1}" }))
            .Select(c => Record(c, ConformanceEmbedding.Embed(c.Text)))
            .ToList();
    }

    private static List<uint> SharedTerms(string a, string b) =>
        LexicalAnalyzer.Default.Analyze(a).Ids.Intersect(LexicalAnalyzer.Default.Analyze(b).Ids).ToList();

    private static void AssertBestFirst(IReadOnlyList<KnowledgeHit> hits)
    {
        for (var i = 1; i < hits.Count; i++)
        {
            Assert.True(hits[i - 1].Score >= hits[i].Score, $"Hit {i} scores {hits[i].Score} above hit {i - 1} ({hits[i - 1].Score}).");
        }
    }
}
