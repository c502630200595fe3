using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Knowledge;

/// <summary>How the knowledge dialog behaves; set with <c>bot.AddKnowledgeAnswers(o =&gt; ...)</c>.</summary>
public sealed class KnowledgeDialogOptions
{
    /// <summary>Questions in a row without a confident answer after which a person takes over (default 2).</summary>
    [Range(1, 100)]
    public int DeclinesBeforeHandoff { get; set; } = 2;

    /// <summary>How many related articles an answer offers (default 3).</summary>
    [Range(0, 10)]
    public int MaxRelated { get; set; } = 3;

    /// <summary>How many of the closest topics an "I'm not sure" reply offers, besides a person (default 3).</summary>
    [Range(0, 10)]
    public int MaxTopics { get; set; } = 3;

    /// <summary>Only articles with all these tags are searched (empty: all).</summary>
    public IList<string> Tags { get; } = [];

    public KnowledgeTexts Texts { get; } = new();
}
