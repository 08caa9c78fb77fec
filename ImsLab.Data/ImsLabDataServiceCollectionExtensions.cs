using ImsLab.Data.Access;
using ImsLab.Data.Secrets;
using ImsLab.Data.Stores;
using ImsLab.Sip.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ImsLab.Data;

/// <summary>Registration of the data layer.</summary>
public static class ImsLabDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds the subscriber database: PostgreSQL when ConnectionStrings:ImsLab is set, else SQLite at
    /// {ImsLab:DataDirectory ?? ./data}/imslab.db; the storage ports of ImsLab.Sip; access control; and the
    /// <see cref="ImsLabDatabaseInitializer"/> hosted service that migrates at start-up. Also registers
    /// <see cref="ImsLabDbContext"/> as a scoped service (for AddDbContextCheck&lt;ImsLabDbContext&gt;()).
    /// </summary>
    public static IServiceCollection AddImsLabData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ImsLabDataOptions.FromConfiguration(configuration);
        var accessOptions = new AccessOptions();
        configuration.GetSection("ImsLab:Access").Bind(accessOptions);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(accessOptions);
        services.AddSingleton<IDbContextFactory<ImsLabDbContext>>(new ImsLabDbContextFactory(options.Provider, options.ConnectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ImsLabDbContext>>().CreateDbContext());
        services.AddSingleton(sp => MasterKeyLoader.Load(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MasterKeyLoader).FullName!)));

        services.AddSingleton<IRegistrationEventLog, RegistrationEventLog>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(sp => new AccessStore(sp.GetRequiredService<IDbContextFactory<ImsLabDbContext>>(),
            sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AccessOptions>()));

        services.AddSingleton<ImsLabDatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<ImsLabDatabaseInitializer>());
        return services;
    }
}
