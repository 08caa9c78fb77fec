using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class PublicIdentityLinkConfiguration : IEntityTypeConfiguration<PublicIdentityLink>
{
    public void Configure(EntityTypeBuilder<PublicIdentityLink> builder)
    {
        builder.ToTable("public_identity_links");
        // The composite key is the "unique IMPU per IMPI" constraint; the second index serves IMPU-to-IMPI lookups.
        builder.HasKey(l => new { l.PrivateIdentityId, l.PublicIdentityId });
        builder.HasIndex(l => l.PublicIdentityId);
    }
}
