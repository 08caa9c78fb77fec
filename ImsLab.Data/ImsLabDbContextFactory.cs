using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data;

/// <summary>Creates the provider-specific context behind the common <see cref="ImsLabDbContext"/> type.</summary>
internal sealed class ImsLabDbContextFactory : IDbContextFactory<ImsLabDbContext>
{
    private readonly DbContextOptions<PostgresImsLabDbContext>? _postgres;
    private readonly DbContextOptions<SqliteImsLabDbContext>? _sqlite;

    public ImsLabDbContextFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = new DbContextOptionsBuilder<PostgresImsLabDbContext>().UseNpgsql(connectionString).Options;
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
}
