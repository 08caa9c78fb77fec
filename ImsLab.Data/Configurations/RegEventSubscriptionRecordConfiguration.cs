using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class RegEventSubscriptionRecordConfiguration : IEntityTypeConfiguration<RegEventSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<RegEventSubscriptionRecord> builder)
    {
        builder.ToTable("reg_event_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasIndex(s => s.ResourceImpu);
    }
}
