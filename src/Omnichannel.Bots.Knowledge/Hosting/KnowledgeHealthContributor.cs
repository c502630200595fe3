namespace Omnichannel.Bots.Knowledge;

/// <summary>The <c>knowledge</c> part of <c>/healthz</c>: the version served and every problem an editor should fix.</summary>
internal sealed class KnowledgeHealthContributor(KnowledgeBase knowledge) : IBotHealthContributor
{
    /// <summary>Problems listed in the health report; the rest are counted (all of them are in the log and in <c>kb validate</c>).</summary>
    private const int MaxProblemsShown = 50;

    public string Name => "knowledge";

    public BotHealthReport Report()
    {
        var status = knowledge.Status;
        return new BotHealthReport(status.HasErrors, new
        {
            loaded = status.Version > 0,
            version = status.Version,
            articles = status.Articles,
            files = status.Files,
            chunks = status.Chunks,
            loadedAt = status.LoadedAt,
            lastReloadMs = status.LastReloadMilliseconds,
            threshold = status.Threshold,
            problems = status.Problems.Take(MaxProblemsShown).ToArray(),
            problemCount = status.Problems.Count,
            servedFromLastGood = status.ServedFromLastGood,
            reloadError = status.ReloadError,
        });
    }
}
