using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ImsLab.Data.Stores;

/// <summary>Runs hand-written SQL on a context's connection inside one transaction.</summary>
internal static class SqlTransaction
{
    /// <summary>
    /// Opens a context, begins a transaction, lets <paramref name="work"/> create commands with
    /// <c>NewCommand()</c> (already enlisted), and commits; any exception rolls everything back.
    /// </summary>
    public static async Task RunAsync(IDbContextFactory<ImsLabDbContext> contexts,
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
}
