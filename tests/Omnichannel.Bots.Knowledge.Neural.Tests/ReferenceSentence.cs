namespace Omnichannel.Bots.Knowledge.Neural.Tests;

/// <summary>One sentence of <see cref="ReferenceVectors"/>: its text, [CLS] pieces [SEP] ids and normalised vector.</summary>
public sealed record ReferenceSentence(string Text, IReadOnlyList<int> Ids, IReadOnlyList<float> Vector);
