namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Opens the knowledge store the first time the knowledge base loads (the embedded store reads its SQLite file; a
/// Qdrant store would check its collection). Registered in DI; a store package replaces it.
/// </summary>
public delegate Task<IKnowledgeStore> KnowledgeStoreOpener(CancellationToken cancellationToken);
