namespace Omnichannel.Bots.Knowledge;

/// <summary>The text under one heading of an article (Markdown), with the line it starts on.</summary>
public sealed record KnowledgeSection(string? Heading, string Markdown, int Line);
