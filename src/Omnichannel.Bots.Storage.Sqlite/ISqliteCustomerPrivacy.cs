using System.Text.Json;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// A feature's share of a customer's export and erasure on SQLite: every feature that stores rows about a customer
/// implements it, so <c>omnibot customers export|erase</c> reaches every table. Both run inside one read or write
/// of the whole operation. Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ISqliteCustomerPrivacy
{
    /// <summary>The feature's name: the export's property for its rows (<c>core</c>, <c>handoff</c>, <c>webchat</c>).</summary>
    string Feature { get; }

    /// <summary>Writes everything the feature stores about the customer as one JSON value (an object).</summary>
    void Export(StatementCache db, string customerId, Utf8JsonWriter json);

    /// <summary>Deletes everything the feature stores about the customer; returns the rows deleted.</summary>
    int Erase(StatementCache db, string customerId);
}
