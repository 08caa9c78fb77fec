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
        var (connection, provider) = await OpenAsync(contexts, cancellationToken);
        await using (connection)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await work(() =>
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                return command;
            }, new ProviderSql(provider));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Runs one auto-committed statement built by <paramref name="prepare"/> and returns its scalar result.</summary>
    public static async Task<object?> ScalarAsync(ImsLabDbContextFactory contexts,
        Action<DbCommand, ProviderSql> prepare, CancellationToken cancellationToken)
    {
        var (connection, provider) = await OpenAsync(contexts, cancellationToken);
        await using (connection)
        {
            await using var command = connection.CreateCommand();
            prepare(command, new ProviderSql(provider));
            var result = await command.ExecuteScalarAsync(cancellationToken);
            return result is DBNull ? null : result;
        }
    }

    private static async Task<(DbConnection Connection, DatabaseProvider Provider)> OpenAsync(
        ImsLabDbContextFactory contexts, CancellationToken cancellationToken) =>
        (await contexts.OpenConnectionAsync(cancellationToken), contexts.Provider);
}
