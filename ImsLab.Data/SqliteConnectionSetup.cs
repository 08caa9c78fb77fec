using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImsLab.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL skips the fsync of every commit: a committed
/// transaction survives a crash of ImsLab, only an OS crash or power loss can lose the last ones (sqlite.org/wal.html).
/// That is the embedded lab default's trade; PostgreSQL is the store for durability under power loss.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);

    /// <summary>The same settings for a connection opened without EF.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
