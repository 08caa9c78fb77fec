using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class PublicIdentityConfiguration : IEntityTypeConfiguration<PublicIdentity>
{
    public void Configure(EntityTypeBuilder<PublicIdentity> builder)
    {
        builder.ToTable("public_identities");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Uri).HasMaxLength(512);
        builder.HasIndex(p => p.Uri).IsUnique();
        builder.HasOne(p => p.ServiceProfile).WithMany().HasForeignKey(p => p.ServiceProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Links).WithOne(l => l.PublicIdentity).HasForeignKey(l => l.PublicIdentityId).OnDelete(DeleteBehavior.Cascade);
    }
}
