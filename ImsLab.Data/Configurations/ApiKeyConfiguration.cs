using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
    }
}
