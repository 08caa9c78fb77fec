using System.Data.Common;

namespace ImsLab.Data.Stores;

/// <summary>Runs hand-written SQL on a bare connection (the hot paths that EF contexts and change tracking would slow down).</summary>
internal static class RawSql
{
    /// <summary>
    /// Opens a connection and lets <paramref name="work"/> add the statements of one atomic unit (see
    /// <see cref="SqlUnit"/>): on PostgreSQL they go in one batch, an implicit transaction; on SQLite in an explicit
    /// transaction. Any exception rolls everything back.
    /// </summary>
    public static async Task InTransactionAsync(ImsLabDbContextFactory contexts,
        Func<SqlUnit, ProviderSql, Task> work, CancellationToken cancellationToken)
    {
        var sql = new ProviderSql(contexts.Provider);
        await using var connection = await contexts.OpenConnectionAsync(cancellationToken);
        if (sql.Provider == DatabaseProvider.PostgreSql)
        {
            await using var batch = SqlUnit.Batched(connection);
            await work(batch, sql);
            await batch.SendAsync(cancellationToken);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var unit = SqlUnit.InTransaction(connection, transaction);
        await work(unit, sql);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs one auto-committed statement built by <paramref name="prepare"/> and returns its scalar result.</summary>
    public static async Task<object?> ScalarAsync(ImsLabDbContextFactory contexts,
        Action<DbCommand, ProviderSql> prepare, CancellationToken cancellationToken)
    {
        await using var connection = await contexts.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        prepare(command, new ProviderSql(contexts.Provider));
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }
}
