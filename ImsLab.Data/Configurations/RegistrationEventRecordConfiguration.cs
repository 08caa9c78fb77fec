using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class RegistrationEventRecordConfiguration : IEntityTypeConfiguration<RegistrationEventRecord>
{
    public void Configure(EntityTypeBuilder<RegistrationEventRecord> builder)
    {
        builder.ToTable("registration_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(48);
        // Queries filter by one identity or type and a time range, newest first; retention deletes by time.
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Impu, e.OccurredAt });
        builder.HasIndex(e => new { e.Impi, e.OccurredAt });
        builder.HasIndex(e => new { e.Type, e.OccurredAt });
    }
}
