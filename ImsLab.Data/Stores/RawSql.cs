using System.Data.Common;

namespace ImsLab.Data.Stores;

/// <summary>Runs hand-written SQL on a bare connection (the hot paths that EF contexts and change tracking would slow down).</summary>
internal static class RawSql
{
    /// <summary>
    /// Opens a connection, begins a transaction, lets <paramref name="work"/> create commands with
    /// <c>newCommand()</c> (already enlisted), and commits; any exception rolls everything back.
    /// </summary>
    public static async Task InTransactionAsync(ImsLabDbContextFactory contexts,
        Func<Func<DbCommand>, ProviderSql, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await contexts.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(() =>
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            return command;
        }, new ProviderSql(contexts.Provider));
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
