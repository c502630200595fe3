using System.Text.Json;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Writes a query's rows as a JSON array of objects, one property per column as stored (text, number, null; a blob as
/// base64): how <see cref="ISqliteCustomerPrivacy"/> participants export their tables without a mapping per column.
/// </summary>
public static class SqliteRowsJson
{
    /// <summary>
    /// Writes one object holding an array per table (<c>{"table": [rows], ...}</c>): a feature's share of a customer's
    /// export, each query given the customer's id as <c>@p1</c>.
    /// </summary>
    /// <param name="db">The caller's read.</param>
    /// <param name="json">Where the object goes (after its property name).</param>
    /// <param name="customerId">The customer, <c>@p1</c> of every query.</param>
    /// <param name="tables">Each array's name and its constant query.</param>
    public static void WriteTables(StatementCache db, Utf8JsonWriter json, string customerId, params (string Table, string Sql)[] tables)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tables);
        json.WriteStartObject();
        foreach (var (table, sql) in tables)
        {
            Write(db, json, table, sql, customerId);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes <c>"property": [{column: value, ...}, ...]</c>; returns the rows written.</summary>
    /// <param name="db">The caller's read.</param>
    /// <param name="json">Positioned inside an object.</param>
    /// <param name="property">The array's property name (the table's name, usually).</param>
    /// <param name="sql">A constant query with parameters <c>@p1</c>, <c>@p2</c>, ...</param>
    /// <param name="values">The parameters' values, in order.</param>
    public static int Write(StatementCache db, Utf8JsonWriter json, string property, string sql, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray(property);
        var rows = 0;
        using (var reader = db.Query(sql, values))
        {
            while (reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    switch (reader.IsDBNull(i) ? null : reader.GetValue(i))
                    {
                        case null:
                            json.WriteNull(name);
                            break;
                        case long number:
                            json.WriteNumber(name, number);
                            break;
                        case double real:
                            json.WriteNumber(name, real);
                            break;
                        case byte[] blob:
                            json.WriteBase64String(name, blob);
                            break;
                        case var other:
                            json.WriteString(name, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                json.WriteEndObject();
                rows++;
            }
        }

        json.WriteEndArray();
        return rows;
    }
}
