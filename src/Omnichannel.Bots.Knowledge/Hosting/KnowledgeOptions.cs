using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Omnichannel.Bots.Knowledge;

/// <summary>The knowledge base's settings (configuration section <c>Knowledge</c>), validated at start-up.</summary>
public sealed class KnowledgeOptions : IValidatableObject
{
    public const string SectionName = "Knowledge";

    internal const string EmbeddedStoreName = "embedded";

    internal const string QdrantStoreName = "qdrant";

    /// <summary>The folder of knowledge files, resolved against the content root (the sample points at the repo's <c>knowledge/</c>).</summary>
    [Required(ErrorMessage = "Knowledge:Path is required: the folder of knowledge files (for example ../../knowledge).")]
    public string Path { get; set; } = "knowledge";

    /// <summary><c>embedded</c> (default: SQLite file <c>knowledge.db</c> in the data folder, searched in memory) or <c>qdrant</c>.</summary>
    [Required]
    public string Store { get; set; } = EmbeddedStoreName;

    /// <summary>Reload when a file in the folder changes (on by default).</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before it is reloaded (editors save in several writes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How soon a failed load (the store or the embedding service down) is tried again; doubles up to a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Store, EmbeddedStoreName, StringComparison.OrdinalIgnoreCase) && !string.Equals(Store, QdrantStoreName, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Knowledge:Store '{Store}' is not available: use embedded or qdrant.", [nameof(Store)]);
        }
    }
}
