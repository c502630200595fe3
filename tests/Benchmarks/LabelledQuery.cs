namespace Benchmarks;

/// <summary>A question and the label (intent / article id) it belongs to.</summary>
public sealed record LabelledQuery(string Text, string Label);
