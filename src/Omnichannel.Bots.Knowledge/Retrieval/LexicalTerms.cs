namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The analysed form of one text: distinct term ids (sorted ascending), each with its kind and its frequency in the
/// text. This is what BM25 indexes and what a sparse vector (for example Qdrant's, with <c>modifier: idf</c>) carries.
/// </summary>
public sealed class LexicalTerms
{
    internal LexicalTerms(uint[] ids, float[] frequencies, LexicalTermKind[] kinds, int wordCount)
    {
        Ids = ids;
        Frequencies = frequencies;
        Kinds = kinds;
        WordCount = wordCount;
    }

    public static LexicalTerms Empty { get; } = new([], [], [], 0);

    /// <summary>Distinct term ids, ascending.</summary>
    public IReadOnlyList<uint> Ids { get; }

    /// <summary>How often each term of <see cref="Ids"/> occurs in the text.</summary>
    public IReadOnlyList<float> Frequencies { get; }

    public IReadOnlyList<LexicalTermKind> Kinds { get; }

    /// <summary>The number of words in the text (the document length BM25 normalises by).</summary>
    public int WordCount { get; }

    public int Count => Ids.Count;
}
