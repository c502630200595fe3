namespace Omnichannel.Bots.Knowledge;

/// <summary>One text that stands for an article (an example question, the title or a passage) with its embedding.</summary>
internal sealed record ArticleMember(int Article, string Text, float[] Vector, LexicalTerms Terms, bool IsQuestion);
