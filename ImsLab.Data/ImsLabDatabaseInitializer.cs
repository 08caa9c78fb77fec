using ImsLab.Data.Provisioning;
using ImsLab.Data.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImsLab.Data;

/// <summary>
/// Start-up work of the data layer, run before anything else uses the database: check the master key (refuse to
/// start on PostgreSQL without one), apply pending migrations, and seed the demo subscribers when asked.
/// </summary>
public sealed partial class ImsLabDatabaseInitializer : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly ILogger<ImsLabDatabaseInitializer> _logger;

    /// <summary>Created by dependency injection (registered by AddImsLabData).</summary>
    public ImsLabDatabaseInitializer(IServiceProvider services, ILogger<ImsLabDatabaseInitializer> logger)
    {
        _services = services;
        _logger = logger;
    }

    /// <summary>Runs the start-up work; also callable directly (tests, tools).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var options = _services.GetRequiredService<ImsLabDataOptions>();
        _services.GetRequiredService<SecretCipher>();
        if (options.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(options.DataDirectory);

        await using (var db = _services.GetRequiredService<IDbContextFactory<ImsLabDbContext>>().CreateDbContext())
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                MigrationsApplying(_logger, options.Provider, pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers (dashboard, lookups) proceed while the registrar writes; it persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (options.SeedDemo) await _services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);

    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Applying {Count} migration(s) on {Provider}: {Migrations}")]
    private static partial void MigrationsApplying(ILogger logger, DatabaseProvider provider, int count, string migrations);
}
