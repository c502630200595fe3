using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>Where and how the embedded database is kept (configuration section <c>Storage</c>).</summary>
public sealed class SqliteStorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (the embedded default); <c>postgres</c> is served by another package.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The folder of the database files, relative to the host's content root unless absolute; created on first start.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file's name inside <see cref="DataDirectory"/>.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Storage:FileName must be a plain file name such as bot.db.")]
    public string FileName { get; set; } = "bot.db";

    /// <summary>
    /// SQLite's <c>synchronous</c> setting with WAL: <c>Full</c> (default) makes every commit durable against power
    /// loss; <c>Normal</c> survives a process kill but may lose the last commits on power loss.
    /// </summary>
    public SqliteDurability Synchronous { get; set; } = SqliteDurability.Full;

    /// <summary>How many queued writes one transaction may commit together (group commit).</summary>
    [Range(1, 10_000)]
    public int MaxWritesPerCommit { get; set; } = 256;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"Storage:Provider is '{Provider}', but the SQLite storage is registered; set it to 'sqlite' or register the '{Provider}' provider instead.",
                [nameof(Provider)]);
        }
    }
}
