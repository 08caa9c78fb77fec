using ImsLab.Data.Access;
using ImsLab.Data.Provisioning;
using ImsLab.Data.Secrets;
using ImsLab.Data.Stores;
using ImsLab.Sip.Authentication.Aka;
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
    /// {ImsLab:DataDirectory ?? ./data}/imslab.db; the storage ports of ImsLab.Sip (ISubscriberDirectory, cached;
    /// ISequenceNumberStore; IBindingStore; IRegEventSubscriptionStore; IRegistrationEventLog); access control (AccessStore); provisioning
    /// (SubscriberProvisioningService, ServiceProfileService; register ILiveRegistrationTerminator implementations
    /// to have live registrations ended before a delete, and ISubscriberChangeObserver implementations to hear of every
    /// changed IMPI); and the
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
        // Made by the container so that it disposes the factory's connection pool with the host.
        services.AddSingleton(_ => new ImsLabDbContextFactory(options.Provider, options.ConnectionString));
        services.AddSingleton<IDbContextFactory<ImsLabDbContext>>(sp => sp.GetRequiredService<ImsLabDbContextFactory>());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ImsLabDbContext>>().CreateDbContext());
        services.AddSingleton(sp => MasterKeyLoader.Load(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MasterKeyLoader).FullName!)));

        services.AddSingleton<IRegistrationEventLog, RegistrationEventLog>();
        services.AddSingleton<ISequenceNumberStore, SequenceNumberStore>();
        services.AddSingleton<IBindingStore, BindingStore>();
        services.AddSingleton<IRegEventSubscriptionStore, RegEventSubscriptionStore>();
        services.AddSingleton<SubscriberDirectory>();
        services.AddSingleton(sp => new CachedSubscriberDirectory(sp.GetRequiredService<SubscriberDirectory>(), options.SubscriberCacheSize));
        services.AddSingleton<ISubscriberDirectory>(sp => sp.GetRequiredService<CachedSubscriberDirectory>());
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(sp => new AccessStore(sp.GetRequiredService<IDbContextFactory<ImsLabDbContext>>(),
            sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AccessOptions>()));

        services.AddSingleton(new SubscriberValidator(options.DefaultRealm, options.IndBits));
        services.AddSingleton(sp => new SubscriberProvisioningService(sp.GetRequiredService<IDbContextFactory<ImsLabDbContext>>(),
            sp.GetRequiredService<SecretCipher>(), sp.GetRequiredService<SubscriberValidator>(), sp.GetRequiredService<CachedSubscriberDirectory>(),
            sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>(), sp.GetServices<ILiveRegistrationTerminator>(),
            sp.GetServices<ISubscriberChangeObserver>()));
        services.AddSingleton(sp => new ServiceProfileService(sp.GetRequiredService<IDbContextFactory<ImsLabDbContext>>(),
            sp.GetRequiredService<CachedSubscriberDirectory>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DemoSeeder>();

        services.AddSingleton<ImsLabDatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<ImsLabDatabaseInitializer>());
        return services;
    }
}
