using System.Globalization;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>
/// The conformance suite's fixed embedding: each word (after <see cref="LexicalAnalyzer.Words"/>) maps to a
/// pseudo-random 16-d vector seeded by its term id, a text to the sum; never the zero vector for a text with a word.
/// Similar wording gives similar vectors. Deterministic across processes and machines.
/// </summary>
public static class ConformanceEmbedding
{
    /// <summary>Vector size of every embedding the suite writes (a Qdrant collection for the suite uses this size).</summary>
    public const int Dimensions = 16;

    public static float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        foreach (var word in LexicalAnalyzer.Words(text))
        {
            var random = new Random((int)LexicalAnalyzer.TermId(LexicalTermKind.Word, word));
            for (var i = 0; i < Dimensions; i++)
            {
                vector[i] += (float)((random.NextDouble() * 2) - 1);
            }
        }

        if (vector.All(v => v == 0))
        {
            vector[0] = 1;
        }

        return vector;
    }

    /// <summary>A short stable hash of a text (hex of its word term ids), for content hashes in the suite.</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 17u;
        foreach (var word in LexicalAnalyzer.Words(text))
        {
            hash = unchecked((hash * 31) + LexicalAnalyzer.TermId(LexicalTermKind.Word, word));
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
