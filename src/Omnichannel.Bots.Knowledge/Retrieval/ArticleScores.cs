namespace Omnichannel.Bots.Knowledge;

/// <summary>The per-article features of one question, and their weighted sum (the ranking score).</summary>
internal sealed class ArticleScores(int articles)
{
    public float[] Word { get; } = new float[articles];

    public float[] Character { get; } = new float[articles];

    public float[] DenseCentroid { get; } = new float[articles];

    public float[] DenseNearest { get; } = new float[articles];

    public float[] Total { get; } = new float[articles];
}
