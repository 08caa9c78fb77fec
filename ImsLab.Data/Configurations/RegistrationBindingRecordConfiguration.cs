using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class RegistrationBindingRecordConfiguration : IEntityTypeConfiguration<RegistrationBindingRecord>
{
    public void Configure(EntityTypeBuilder<RegistrationBindingRecord> builder)
    {
        builder.ToTable("registration_bindings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasIndex(b => b.ExpiresAt);
        builder.HasIndex(b => b.Impu);
        builder.HasIndex(b => b.Impi);
    }
}
