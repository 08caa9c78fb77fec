using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class ServiceProfileConfiguration : IEntityTypeConfiguration<ServiceProfile>
{
    public void Configure(EntityTypeBuilder<ServiceProfile> builder)
    {
        builder.ToTable("service_profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasMany(p => p.Criteria).WithOne(c => c.ServiceProfile).HasForeignKey(c => c.ServiceProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
