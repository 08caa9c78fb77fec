using ImsLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImsLab.Data.Configurations;

internal sealed class InitialFilterCriterionConfiguration : IEntityTypeConfiguration<InitialFilterCriterion>
{
    public void Configure(EntityTypeBuilder<InitialFilterCriterion> builder)
    {
        builder.ToTable("initial_filter_criteria");
        builder.HasKey(c => c.Id);
        // TS 29.228 B.2.2: priorities order the iFCs of a profile, so two with the same priority are ambiguous.
        builder.HasIndex(c => new { c.ServiceProfileId, c.Priority }).IsUnique();
        builder.Property(c => c.ConditionType).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.DefaultHandling).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.ApplicationServerUri).HasMaxLength(512);
        builder.HasMany(c => c.Triggers).WithOne(t => t.Criterion).HasForeignKey(t => t.CriterionId).OnDelete(DeleteBehavior.Cascade);
    }
}
