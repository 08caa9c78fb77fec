using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class ImsSubscriptionConfiguration : IEntityTypeConfiguration<ImsSubscription>
{
    public void Configure(EntityTypeBuilder<ImsSubscription> builder)
    {
        builder.ToTable("ims_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.PrivateIdentities).WithOne(p => p.Subscription).HasForeignKey(p => p.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.PublicIdentities).WithOne(p => p.Subscription).HasForeignKey(p => p.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
