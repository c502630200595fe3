namespace Omnichannel.Bots.Knowledge;

/// <summary>How the article features add up to the ranking score (see <see cref="KnowledgeSearchOptions"/>).</summary>
internal readonly record struct ScoreWeights(double Word, double Character, double DenseCentroid, double DenseNearest);
