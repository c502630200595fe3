namespace Omnichannel.Bots.Knowledge;

/// <summary>One reload's parts: reading and validating the folder, embedding and storing what changed, building the searcher.</summary>
public sealed record KnowledgeReloadTimings(TimeSpan Read, TimeSpan Ingest, TimeSpan Build);
