using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace ImsLab.Data;

/// <summary>
/// Creates the provider-specific context behind the common <see cref="ImsLabDbContext"/> type. Contexts are pooled:
/// the registrar's cold lookups and the group commits open one per round trip, and a fresh context resolves a whole
/// scope of EF services each time, which under a burst of first registrations cost more CPU than the query itself.
/// </summary>
internal sealed class ImsLabDbContextFactory : IDbContextFactory<ImsLabDbContext>
{
    /// <summary>
    /// Statements Npgsql prepares on its own once they repeat. The registrar sends the same few statements thousands of
    /// times a second; without preparation PostgreSQL plans the profile join again for every first REGISTER.
    /// </summary>
    internal const int DefaultMaxAutoPrepare = 64;

    private const int PoolSize = 256;

    private readonly PooledDbContextFactory<PostgresImsLabDbContext>? _postgres;
    private readonly PooledDbContextFactory<SqliteImsLabDbContext>? _sqlite;

    public ImsLabDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = new PooledDbContextFactory<PostgresImsLabDbContext>(
                new DbContextOptionsBuilder<PostgresImsLabDbContext>().UseNpgsql(WithAutoPrepare(connectionString)).Options, PoolSize);
        }
        else
        {
            _sqlite = new PooledDbContextFactory<SqliteImsLabDbContext>(
                new DbContextOptionsBuilder<SqliteImsLabDbContext>().UseSqlite(connectionString)
                    .AddInterceptors(new SqliteConnectionSetup()).Options, PoolSize);
        }
    }

    public DatabaseProvider Provider { get; }

    public ImsLabDbContext CreateDbContext() =>
        _postgres is not null ? _postgres.CreateDbContext() : _sqlite!.CreateDbContext();

    /// <summary>Turns on automatic preparation unless the connection string says how it wants it.</summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.ContainsKey("Max Auto Prepare")) return connectionString;
        builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }
}
