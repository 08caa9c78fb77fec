using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class PrivateIdentityConfiguration : IEntityTypeConfiguration<PrivateIdentity>
{
    public void Configure(EntityTypeBuilder<PrivateIdentity> builder)
    {
        builder.ToTable("private_identities");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Impi).HasMaxLength(255);
        builder.HasIndex(p => p.Impi).IsUnique();
        builder.Property(p => p.AllowedSchemes).HasConversion<int>();
        builder.Property(p => p.DigestRealm).HasMaxLength(255);
        builder.Property(p => p.Imsi).HasMaxLength(15);
        builder.Property(p => p.Msisdn).HasMaxLength(15);
        builder.HasIndex(p => p.Imsi);
        builder.HasIndex(p => p.Msisdn);
        builder.HasMany(p => p.Links).WithOne(l => l.PrivateIdentity).HasForeignKey(l => l.PrivateIdentityId).OnDelete(DeleteBehavior.Cascade);
    }
}
