namespace Omnichannel.Bots.Customers;

/// <summary>What an erasure deleted: the rows of each feature (<c>core</c>, <c>handoff</c>, ...), the files, and when.</summary>
/// <param name="CustomerId">The customer that no longer exists.</param>
/// <param name="RowsByFeature">Rows deleted per feature, in the order they were erased.</param>
/// <param name="Files">Uploaded files deleted from the data folder.</param>
/// <param name="ErasedAt">When the erasure was committed.</param>
/// <param name="Compacted">
/// False when the rows are deleted but the database could not be rewritten afterwards (their bytes stay in its free
/// space until the next compaction succeeds, e.g. the next erasure's); the reason is logged.
/// </param>
public sealed record CustomerErasure(string CustomerId, IReadOnlyDictionary<string, int> RowsByFeature, int Files, DateTimeOffset ErasedAt, bool Compacted = true);
