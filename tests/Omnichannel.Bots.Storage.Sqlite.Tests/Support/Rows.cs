using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Reads the bot's database file directly, on a read-only connection of its own, to check what was stored.</summary>
public static class Rows
{
    public static readonly string[] StoredTables = ["inbox", "messages", "customers", "customer_identities", "conversations", "dialog_state", "outbox"];

    public static long Count(string databaseFile, string sql, params object?[] values) =>
        Convert.ToInt64(Scalar(databaseFile, sql, values), CultureInfo.InvariantCulture);

    public static object? Scalar(string databaseFile, string sql, params object?[] values)
    {
        using var connection = Open(databaseFile);
        using var command = Prepare(connection, sql, values);
        return command.ExecuteScalar();
    }

    /// <summary>Every row of the query, each as its columns' values.</summary>
    public static List<object?[]> Query(string databaseFile, string sql, params object?[] values)
    {
        using var connection = Open(databaseFile);
        using var command = Prepare(connection, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The row count of each table that takes part in storing an inbound message or its turn.</summary>
    public static Dictionary<string, long> CountAll(string databaseFile) =>
        StoredTables.ToDictionary(t => t, t => Count(databaseFile, $"SELECT COUNT(*) FROM {t}"));

    /// <summary>The counting dialog's count for every customer (from the saved dialog stack).</summary>
    public static List<long> Counts(string databaseFile) =>
        [.. Query(databaseFile, "SELECT json_extract(state, '$.frames[0].state.count') FROM dialog_state ORDER BY customer_id")
            .Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture))];

    private static SqliteConnection Open(string databaseFile)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, object?[] values)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own constant queries; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("@p" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command;
    }
}
