using System.Data.Common;
using System.Text;

namespace ImsLab.Data.Stores;

/// <summary>
/// The little that differs between PostgreSQL and SQLite for the hand-written SQL of the hot paths: how a Guid and
/// a timestamp are stored (SQLite: EF's uppercase text and <see cref="SqliteImsLabDbContext"/>'s UTC ticks) and
/// the name of the two-argument maximum. Everything else (multi-row VALUES, ON CONFLICT ... DO UPDATE with
/// excluded, UPDATE ... RETURNING) is common syntax: SQLite has had it since 3.35.
/// </summary>
internal sealed class ProviderSql(DatabaseProvider provider)
{
    /// <summary>
    /// Rows per statement: far below the parameter limits (PostgreSQL 65535, SQLite 32766); smaller on SQLite
    /// because Microsoft.Data.Sqlite binds each parameter by a linear search of the collection.
    /// </summary>
    public int RowsPerStatement => Provider == DatabaseProvider.PostgreSql ? 500 : 40;

    public DatabaseProvider Provider { get; } = provider;

    public string Greatest => Provider == DatabaseProvider.PostgreSql ? "GREATEST" : "MAX";

    public object Id(Guid id) => Provider == DatabaseProvider.PostgreSql ? id : id.ToString("D").ToUpperInvariant();

    public object Time(DateTimeOffset time) => Provider == DatabaseProvider.PostgreSql ? time.ToUniversalTime() : time.UtcTicks;

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// One INSERT of <paramref name="rows"/> rows of <paramref name="columns"/>, followed by
    /// <paramref name="conflictClause"/>; <paramref name="valueOf"/> gives the value of (row, column).
    /// </summary>
    private static SqlStatement BuildInsert(string table, IReadOnlyList<string> columns, int rows,
        Func<int, int, object?> valueOf, string conflictClause)
    {
        var statement = new SqlStatement();
        var sql = new StringBuilder(64 + (rows * columns.Count * 8));
        sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++)
            {
                var name = $"@p{row}_{column}";
                sql.Append(column == 0 ? name : ", " + name);
                statement.Add(name, valueOf(row, column));
            }
            sql.Append(')');
        }
        sql.Append(' ').Append(conflictClause);
        statement.Text = sql.ToString();
        return statement;
    }

    /// <summary>
    /// Inserts <paramref name="count"/> items in statements of at most <see cref="RowsPerStatement"/> rows. On
    /// PostgreSQL, when <paramref name="postgresTypes"/> names each column's type, all rows go in ONE statement of
    /// one array parameter per column (INSERT ... SELECT * FROM unnest(...)): the SQL text never changes, so the
    /// server plans it once, and there are 26 parameters instead of 13,000 for 500 bindings.
    /// </summary>
    public async Task InsertAllAsync(SqlUnit unit, string table, IReadOnlyList<string> columns, int count,
        Func<int, int, object?> valueOf, string conflictClause, CancellationToken cancellationToken, IReadOnlyList<string>? postgresTypes = null)
    {
        if (count == 0) return;
        if (Provider == DatabaseProvider.PostgreSql && postgresTypes is not null)
        {
            var statement = new SqlStatement();
            var arrays = new List<string>(columns.Count);
            for (var column = 0; column < columns.Count; column++)
            {
                statement.Add("@a" + column, TypedArray(postgresTypes[column], count, row => valueOf(row, column)));
                arrays.Add($"@a{column}::{postgresTypes[column]}[]");
            }
            statement.Text = $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT * FROM unnest({string.Join(", ", arrays)}) {conflictClause}";
            await unit.ExecuteAsync(statement, cancellationToken);
            return;
        }
        for (var start = 0; start < count; start += RowsPerStatement)
        {
            var offset = start;
            await unit.ExecuteAsync(BuildInsert(table, columns, Math.Min(RowsPerStatement, count - start),
                (row, column) => valueOf(offset + row, column), conflictClause), cancellationToken);
        }
    }

    private static Array TypedArray(string postgresType, int count, Func<int, object?> valueOf) => postgresType switch
    {
        "uuid" => Fill<Guid>(count, valueOf),
        "timestamptz" => Fill<DateTimeOffset>(count, valueOf),
        "bigint" => Fill<long>(count, valueOf),
        "boolean" => Fill<bool>(count, valueOf),
        "integer" => Fill<int?>(count, valueOf),
        "real" => Fill<float?>(count, valueOf),
        "text" => Fill<string?>(count, valueOf),
        _ => throw new ArgumentOutOfRangeException(nameof(postgresType), postgresType, "No array mapping for this column type."),
    };

    private static T[] Fill<T>(int count, Func<int, object?> valueOf)
    {
        var array = new T[count];
        for (var i = 0; i < count; i++) array[i] = (T)valueOf(i)!;
        return array;
    }

    /// <summary>"ON CONFLICT (id) DO UPDATE SET a = excluded.a, ..." for every column but the key.</summary>
    public static string UpsertClause(IReadOnlyList<string> columns, string key = "id") =>
        $"ON CONFLICT ({key}) DO UPDATE SET " + string.Join(", ", columns.Where(c => c != key).Select(c => $"{c} = excluded.{c}"));
}
