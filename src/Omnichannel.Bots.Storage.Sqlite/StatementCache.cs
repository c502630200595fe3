using Microsoft.Data.Sqlite;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Prepared statements of one connection, reused with new parameter values (<c>@p1</c>, <c>@p2</c>, ...): what
/// <see cref="SqliteDatabase.Read"/>, <see cref="SqliteDatabase.WriteAsync"/> and an <see cref="ISqliteTurnParticipant"/>
/// work with. Statements must be constants (values always go in as parameters).
/// </summary>
public sealed class StatementCache : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal StatementCache(SqliteConnection connection)
    {
        Connection = connection;
    }

    internal SqliteConnection Connection { get; }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    /// <param name="sql">A constant statement with parameters <c>@p1</c>, <c>@p2</c>, ...</param>
    /// <param name="values">The parameters' values, in order (null for SQL NULL).</param>
    public int Execute(string sql, params object?[] values) => Prepare(sql, values).ExecuteNonQuery();

    /// <summary>The first column of the first row, converted to <typeparamref name="T"/>; default when there is none or it is NULL.</summary>
    /// <param name="sql">A constant statement with parameters <c>@p1</c>, <c>@p2</c>, ...</param>
    /// <param name="values">The parameters' values, in order.</param>
    public T? Scalar<T>(string sql, params object?[] values)
    {
        var result = Prepare(sql, values).ExecuteScalar();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A reader over the statement's rows; dispose it before the next statement.</summary>
    /// <param name="sql">A constant statement with parameters <c>@p1</c>, <c>@p2</c>, ...</param>
    /// <param name="values">The parameters' values, in order.</param>
    public SqliteDataReader Query(string sql, params object?[] values) => Prepare(sql, values).ExecuteReader();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
#pragma warning disable CA2100 // Statements are constants of this assembly; values are always parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), null));
            }

            _commands[sql] = command;
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }
}
