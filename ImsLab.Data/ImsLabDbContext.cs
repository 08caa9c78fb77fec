using ImsLab.Data.Configurations;
using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data;

/// <summary>
/// The HSS database. EF migrations are provider-specific, so each provider has its own derived context
/// (<see cref="PostgresImsLabDbContext"/>, <see cref="SqliteImsLabDbContext"/>) with its own migrations; the model
/// is defined once, here.
/// </summary>
public abstract class ImsLabDbContext : DbContext
{
    /// <summary>Used by the provider-specific contexts.</summary>
    protected ImsLabDbContext(DbContextOptions options) : base(options) { }

    internal abstract DatabaseProvider Provider { get; }

    internal DbSet<ImsSubscription> Subscriptions => Set<ImsSubscription>();
    internal DbSet<PrivateIdentity> PrivateIdentities => Set<PrivateIdentity>();
    internal DbSet<PublicIdentity> PublicIdentities => Set<PublicIdentity>();
    internal DbSet<PublicIdentityLink> PublicIdentityLinks => Set<PublicIdentityLink>();
    internal DbSet<ServiceProfile> ServiceProfiles => Set<ServiceProfile>();
    internal DbSet<InitialFilterCriterion> InitialFilterCriteria => Set<InitialFilterCriterion>();
    internal DbSet<ServicePointTrigger> ServicePointTriggers => Set<ServicePointTrigger>();
    internal DbSet<RegistrationBindingRecord> RegistrationBindings => Set<RegistrationBindingRecord>();
    internal DbSet<RegEventSubscriptionRecord> RegEventSubscriptions => Set<RegEventSubscriptionRecord>();
    internal DbSet<RegistrationEventRecord> RegistrationEvents => Set<RegistrationEventRecord>();
    internal DbSet<UserAccount> UserAccounts => Set<UserAccount>();
    internal DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ImsSubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new PrivateIdentityConfiguration());
        modelBuilder.ApplyConfiguration(new PublicIdentityConfiguration());
        modelBuilder.ApplyConfiguration(new PublicIdentityLinkConfiguration());
        modelBuilder.ApplyConfiguration(new ServiceProfileConfiguration());
        modelBuilder.ApplyConfiguration(new InitialFilterCriterionConfiguration());
        modelBuilder.ApplyConfiguration(new ServicePointTriggerConfiguration());
        modelBuilder.ApplyConfiguration(new RegistrationBindingRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RegEventSubscriptionRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RegistrationEventRecordConfiguration());
        modelBuilder.ApplyConfiguration(new UserAccountConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        SnakeCaseNamingConvention.Apply(modelBuilder);
    }
}
