using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class ServicePointTriggerConfiguration : IEntityTypeConfiguration<ServicePointTrigger>
{
    public void Configure(EntityTypeBuilder<ServicePointTrigger> builder)
    {
        builder.ToTable("service_point_triggers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Value).HasMaxLength(512);
    }
}
