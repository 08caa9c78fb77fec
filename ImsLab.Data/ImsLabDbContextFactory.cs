using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImsLab.Data;

/// <summary>
/// Creates the provider-specific context behind the common <see cref="ImsLabDbContext"/> type. Not pooled on purpose:
/// with EF's context pool, a burst that exhausted the Npgsql pool (first registrations arriving faster than the
/// database could answer) left connections checked out and unreachable, and every later REGISTER failed.
/// </summary>
internal sealed class ImsLabDbContextFactory : IDbContextFactory<ImsLabDbContext>
{
    /// <summary>
    /// Statements Npgsql prepares on its own once they repeat. The registrar sends the same few statements thousands of
    /// times a second; without preparation PostgreSQL plans the profile join again for every first REGISTER.
    /// </summary>
    internal const int DefaultMaxAutoPrepare = 64;

    private readonly DbContextOptions<PostgresImsLabDbContext>? _postgres;
    private readonly DbContextOptions<SqliteImsLabDbContext>? _sqlite;

    public ImsLabDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = new DbContextOptionsBuilder<PostgresImsLabDbContext>().UseNpgsql(WithAutoPrepare(connectionString)).Options;
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

    /// <summary>Turns on automatic preparation unless the connection string says how it wants it.</summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        // NpgsqlConnectionStringBuilder answers ContainsKey for every known keyword, so look at what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => key.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare };
        return builder.ConnectionString;
    }
}
