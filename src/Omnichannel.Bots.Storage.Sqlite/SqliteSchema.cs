namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// A feature's tables in the SQLite file, as numbered migrations: <see cref="Migrations"/>[0] is version 1. The database
/// records each feature's version in <c>schema_migrations</c>, so a bot creates only the tables of the features it
/// registers, and each feature upgrades on its own. Never edit a released migration: add the next one. Register with
/// <see cref="SqliteSchemaServiceCollectionExtensions.AddSqliteSchema"/>.
/// </summary>
/// <param name="Feature">The feature's name in <c>schema_migrations</c> (lowercase, stable: <c>handoff</c>, <c>webchat</c>).</param>
/// <param name="Migrations">The scripts in order; each runs in its own transaction.</param>
public sealed record SqliteSchema(string Feature, IReadOnlyList<string> Migrations)
{
    /// <summary>The core runtime's tables (customers, conversations, inbox, transcript, dialog state, outbox).</summary>
    public const string CoreFeature = "core";

    /// <summary>The version a database reaches once every migration of this schema has run.</summary>
    public int LatestVersion => Migrations.Count;
}
