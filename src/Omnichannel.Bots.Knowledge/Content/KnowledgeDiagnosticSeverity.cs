namespace Omnichannel.Bots.Knowledge;

public enum KnowledgeDiagnosticSeverity
{
    /// <summary>The file (or the article) is not served until it is fixed; its last good version keeps serving.</summary>
    Error,

    /// <summary>Served, but an editor should look (for example an over-long short answer).</summary>
    Warning,
}
