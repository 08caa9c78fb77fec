using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImsLab.Data.Stores;

/// <summary>Runs hand-written SQL on a context's own connection (the hot paths that EF change tracking would slow down).</summary>
internal static class RawSql
{
    /// <summary>
    /// Opens a context, begins a transaction, lets <paramref name="work"/> create commands with
    /// <c>newCommand()</c> (already enlisted), and commits; any exception rolls everything back.
    /// </summary>
    public static async Task InTransactionAsync(IDbContextFactory<ImsLabDbContext> contexts,
        Func<Func<DbCommand>, ProviderSql, Task> work, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await work(() =>
        {
            var command = connection.CreateCommand();
            command.Transaction = dbTransaction;
            return command;
        }, new ProviderSql(db.Provider));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs one auto-committed statement built by <paramref name="prepare"/> and returns its scalar result.</summary>
    public static async Task<object?> ScalarAsync(IDbContextFactory<ImsLabDbContext> contexts,
        Action<DbCommand, ProviderSql> prepare, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        prepare(command, new ProviderSql(db.Provider));
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }
}
