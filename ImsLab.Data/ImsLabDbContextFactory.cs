using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ImsLab.Data;

/// <summary>
/// Creates the provider-specific context behind the common <see cref="ImsLabDbContext"/> type. Not pooled on purpose:
/// with EF's context pool, a burst that exhausted the Npgsql pool (first registrations arriving faster than the
/// database could answer) left connections checked out and unreachable, and every later REGISTER failed.
/// </summary>
internal sealed class ImsLabDbContextFactory : IDbContextFactory<ImsLabDbContext>, IAsyncDisposable
{
    /// <summary>
    /// Statements Npgsql prepares on its own once they repeat. The registrar sends the same few statements thousands of
    /// times a second; without preparation PostgreSQL plans the profile join again for every first REGISTER.
    /// </summary>
    internal const int DefaultMaxAutoPrepare = 64;

    private readonly DbContextOptions<PostgresImsLabDbContext>? _postgres;
    private readonly DbContextOptions<SqliteImsLabDbContext>? _sqlite;
    private readonly NpgsqlDataSource? _dataSource;
    private readonly string _connectionString;

    public ImsLabDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        _connectionString = connectionString;
        if (provider == DatabaseProvider.PostgreSql)
        {
            // One pool for EF's contexts and the hand-written SQL of the hot paths.
            _dataSource = NpgsqlDataSource.Create(WithHotPathDefaults(connectionString));
            _postgres = new DbContextOptionsBuilder<PostgresImsLabDbContext>().UseNpgsql(_dataSource).Options;
        }
        else
        {
            _sqlite = new DbContextOptionsBuilder<SqliteImsLabDbContext>().UseSqlite(connectionString)
                .AddInterceptors(new SqliteConnectionSetup()).Options;
        }
    }

    public DatabaseProvider Provider { get; }

    public ImsLabDbContext CreateDbContext() =>
        _postgres is not null ? new PostgresImsLabDbContext(_postgres) : new SqliteImsLabDbContext(_sqlite!);

    /// <summary>
    /// An open connection for hand-written SQL, without a context: creating one resolves a scope of EF services, which
    /// the group commits and event-log batches paid thousands of times a second for nothing they used.
    /// </summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_dataSource is not null)
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqliteConnectionSetup.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// The Npgsql settings the hot paths rely on, each unless the connection string says how it wants it: automatic
    /// preparation (<see cref="DefaultMaxAutoPrepare"/>), and no session reset when a connection goes back to the
    /// pool. ImsLab never changes session state (no SET, LISTEN, advisory locks or temporary tables; EF's migration
    /// lock is a LOCK TABLE inside its transaction), yet by default every rented connection makes PostgreSQL parse and
    /// run a reset of several statements before the next one: about 3 % of the database's CPU under registration load.
    /// </summary>
    internal static string WithHotPathDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder answers ContainsKey for every known keyword, so look at what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", ""))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }
}
